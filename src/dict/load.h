// parley/dict: loading PETRARCH2/TABARI dictionaries into parley::Dictionaries.
//
// read_config() reads a PETR_config.ini; load_dictionaries() reads the verb,
// actor, agent, discard and issue files it names (one reader per file kind,
// dict/*_reader.cpp) and compiles them into the flat tables of
// dict/dictionary.h.  The first malformed entry throws DictError
// "file:line: what is wrong" and nothing is loaded into `out`.
//
// A few damaged entries that occur in the published Phoenix files are skipped
// with a warning "file:line: warning: ... skipped" (Dictionaries::warnings,
// DictOptions::on_warning or stderr) instead: a verb pattern whose code is
// malformed or empty ([080!], []), whose brackets do not balance, or that
// names an undefined &SYNSET; an actor date that is all digits but not a
// valid YYMMDD/YYYYMMDD; an agent line without [CODE] or with its code closed by '}'; text after an actor
// or issue code, an empty side of an issue "a+" (the entry is kept); a second [CODE] in a verb block header.  A bare actor date "[X D]"
// is kept, read as ">D", with a warning.  DictOptions::strict turns
// these warnings into errors.
#pragma once

#include <string>
#include <vector>

#include "dict/dictionary.h"

namespace parley {

// PETRARCH's new_actor_length makes uncoded capitalised noun phrases new
// actors; parley does not implement it, so any value but 0 is refused (by
// the config reader and by a <Config> record) rather than quietly ignored.
inline constexpr const char* kNewActorLengthUnsupported =
    "new_actor_length: new actors from uncoded noun phrases are not implemented; only 0 is accepted";

struct DictPaths {
  std::vector<std::string> verbs, actors;
  std::string agents, discards, issues;  // empty = not loaded
  // The dictionary folder (read_config: the ini's); evidence names the files
  // relative to it (Dictionaries::evidence_names).  Empty: the folder all the
  // files share.
  std::string folder;
};

// [Dictionaries] of a PETR_config.ini.  Relative names are resolved against
// the ini's folder, absolute paths are kept.  verbfile_name may be a
// comma-separated list (our extension).  Throws DictError.
DictPaths read_config(const std::string& ini_path);

// The coder options of [Options] (require_dyad, new_actor_length, comma_*);
// keys that are absent leave `options` unchanged.  Throws DictError, also
// for a new_actor_length other than 0 (kNewActorLengthUnsupported).
void read_config_options(const std::string& ini_path, DictOptions& options);

// Reads all files into a fresh set and moves it into `out` (out.options =
// options).  Throws DictError on the first malformed entry.
void load_dictionaries(const DictPaths& paths, const DictOptions& options, Dictionaries& out);

}  // namespace parley
