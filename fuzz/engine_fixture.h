// The engine with parley's bundled dictionaries (data/dict), built once per
// process and only read afterwards, for the harnesses whose stage reads a
// parsed document (temporal/, places/).
#pragma once

#include <string>

#include "dict/load.h"
#include "pipeline/engine.h"

namespace parley::fuzz {

inline const Engine& bundled_engine() {
  static const Engine engine([] {
    const std::string ini = std::string(PARLEY_SOURCE_DATA_DIR) + "/dict/PETR_config.ini";
    EngineConfig cfg;
    cfg.paths = read_config(ini);
    read_config_options(ini, cfg.dict_options);
    return cfg;
  }());
  return engine;
}

}  // namespace parley::fuzz
