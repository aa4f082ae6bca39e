#include "server/request_bodies.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "server/api_error.h"
#include "server/params.h"

namespace parley::server {
namespace {

// Deeper bodies are refused before parsing: no document needs more than an
// array of objects, and depth is what makes parsers and destructors recurse.
constexpr int kMaxDepth = 8;

void check_depth(std::string_view body) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) throw ApiError(400, "body: JSON nested deeper than " + std::to_string(kMaxDepth), "body");
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

nlohmann::json parse_json(std::string_view body, std::string_view where) {
  check_depth(body);
  try {
    return nlohmann::json::parse(body.begin(), body.end());
  } catch (const nlohmann::json::exception& e) {
    // Not only parse_error: a number too large for a double ("1e999") is
    // out_of_range, which escaped this catch and ended the process.
    throw ApiError(400, std::string(where) + ": not valid JSON (" + e.what() + ")", "body");
  }
}

std::string string_field(const nlohmann::json& doc, const char* name, std::string_view where) {
  const auto& v = doc.at(name);
  if (!v.is_string()) throw ApiError(400, std::string(where) + name + ": expected a string", name);
  return v.get<std::string>();
}

// `where` prefixes messages ("documents[3]." for the fourth of an array).
DocumentInput document_from(const nlohmann::json& doc, bool id_required, const std::string& where) {
  if (!doc.is_object()) throw ApiError(400, where + "expected a JSON object with id, date and text", "body");
  DocumentInput out;
  for (const auto& [key, value] : doc.items()) {
    if (key != "id" && key != "date" && key != "text") {
      throw ApiError(400, where + key + ": unknown field; expected id, date, text", key);
    }
  }
  if (!doc.contains("text")) throw ApiError(400, where + "text: missing", "text");
  out.text = string_field(doc, "text", where);
  if (doc.contains("id") && !doc.at("id").is_null()) {
    out.id = string_field(doc, "id", where);
    check_document_id(out.id, "id");
  } else if (id_required) {
    throw ApiError(400, where + "id: missing (a stored document needs an id)", "id");
  } else {
    out.id = "request";
  }
  if (doc.contains("date") && !doc.at("date").is_null()) {
    out.date = checked_record_date(string_field(doc, "date", where), "date");
  }
  return out;
}

}  // namespace

std::string media_type(std::string_view content_type) {
  const size_t semi = content_type.find(';');
  std::string_view t = content_type.substr(0, semi);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  std::string lower(t);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

DocumentInput parse_code_json(std::string_view body) {
  return document_from(parse_json(body, "body"), false, "");
}

std::vector<DocumentInput> parse_documents(std::string_view content_type, std::string_view body) {
  const std::string type = media_type(content_type);
  std::vector<DocumentInput> docs;
  // One id twice would store the later document over the earlier and count
  // both as stored; which one the caller meant is not ours to guess.
  std::unordered_map<std::string, std::string> first_place;  // id -> where it first appeared
  auto add = [&](const nlohmann::json& doc, const std::string& where) {
    if (docs.size() == kMaxDocumentsPerRequest) {
      throw ApiError(413, "more than " + std::to_string(kMaxDocumentsPerRequest) + " documents in one request", "body");
    }
    docs.push_back(document_from(doc, true, where));
    std::string place = where.empty() ? std::string("the body") : where;
    while (place.back() == '.' || place.back() == ':' || place.back() == ' ') place.pop_back();
    const auto [seen, fresh] = first_place.emplace(docs.back().id, place);
    if (!fresh)
      throw ApiError(400, place + ": id: the same id as " + seen->second + "; each document of a request needs its own id",
                     "id");
  };
  if (type == "application/json") {
    nlohmann::json parsed = parse_json(body, "body");
    if (parsed.is_array()) {
      for (size_t i = 0; i < parsed.size(); ++i) add(parsed[i], "documents[" + std::to_string(i) + "].");
    } else {
      add(parsed, "");
    }
  } else if (type == "application/x-ndjson" || type == "application/jsonl") {
    size_t line_no = 0, start = 0;
    while (start < body.size()) {
      size_t end = body.find('\n', start);
      if (end == std::string_view::npos) end = body.size();
      std::string_view line = body.substr(start, end - start);
      start = end + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      const std::string where = "line " + std::to_string(line_no) + ": ";
      add(parse_json(line, where), where);
    }
  } else {
    throw ApiError(415, "Content-Type must be application/json or application/x-ndjson", "Content-Type");
  }
  if (docs.empty()) throw ApiError(400, "body: no documents", "body");
  return docs;
}

}  // namespace parley::server
