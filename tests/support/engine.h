// An engine configured as `parley code --dicts DIR` configures it: the files
// DIR/PETR_config.ini names, with its [Options].
#pragma once

#include <string>

#include "dict/load.h"
#include "pipeline/engine.h"

namespace parley::test {

inline EngineConfig engine_config(const std::string& dict_dir) {
  const std::string ini = dict_dir + "/PETR_config.ini";
  EngineConfig cfg;
  cfg.paths = read_config(ini);
  read_config_options(ini, cfg.dict_options);
  return cfg;
}

}  // namespace parley::test
