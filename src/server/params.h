// Query-string validation.  The typed getters and value checks are
// filters/params.h (shared with `parley query`); a ParamError from them is a
// 400 naming the parameter (handle(), routes.h).  What is left here is the
// one check only a raw query string needs.
#pragma once

#include <string_view>

#include "filters/params.h"

namespace parley::server {

using filters::check_document_id;
using filters::checked_actor;
using filters::checked_date;
using filters::checked_record_date;
using filters::kMaxIdBytes;
using filters::ParamError;
using filters::QueryParams;

// Throws ApiError(400) for a raw query string (the request target after '?')
// with a name=value pair that httplib would drop or misread: a second raw
// '=' in one pair ("limit=abc' OR 1=1"), or an empty name.
void check_query_string(std::string_view target);

}  // namespace parley::server
