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

// Loading the dictionaries takes seconds under ASan; done in libFuzzer's
// initialisation hook it is not charged to the first input, whose -timeout
// a starved, niced fuzzer would otherwise exceed before fuzzing began.
// Each harness that includes this header is its own executable, so the
// definition appears once per binary.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parley::fuzz::bundled_engine();
  return 0;
}
