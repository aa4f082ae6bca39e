// Turning a coded document (the Worker's Doc and CodedDocument) into the
// records the store keeps: the same fields, offsets and dictionary
// references that `parley code` writes as JSON.
#pragma once

#include <string>

#include "pipeline/engine.h"
#include "store/store.h"

namespace parley::ingest {

// `doc` is worker.doc() right after worker.code() produced `coded`.
store::StoredDocument to_stored_document(const Doc& doc, const CodedDocument& coded, const Dictionaries& dicts,
                                         const std::string& source_file);

}  // namespace parley::ingest
