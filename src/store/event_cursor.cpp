// Event cursors (keyset paging) and their tokens:
//   SORT~DIRECTION~ID~KEY   e.g. date~a~81723~i20240301, goldstein~d~9~r4014000000000000
// KEY is n (NULL), i + a decimal integer, r + the 16 hex digits of a double's
// bits (exact, no formatting), or s + the hex of a string's bytes.  Every
// character is URL-unreserved, so a token travels in a query string as is.
#include <charconv>
#include <cstring>

#include "store/store.h"

namespace parley::store {

std::string_view event_sort_name(EventSort sort) {
  for (const SortKey<EventSort>& k : kEventSortKeys)
    if (k.sort == sort) return k.name;
  return "date";
}

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, const unsigned char* bytes, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Hex text to bytes; false for an odd length or a non-hex character.
bool from_hex(std::string_view hex, std::string& out) {
  if (hex.size() % 2) return false;
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_digit(hex[i]), lo = hex_digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
  }
  return true;
}

// The next `~`-separated field of `rest`, removed from it.
std::string_view next_field(std::string_view& rest) {
  const size_t tilde = rest.find('~');
  const std::string_view field = rest.substr(0, tilde);
  rest = tilde == std::string_view::npos ? std::string_view() : rest.substr(tilde + 1);
  return field;
}

bool parse_int(std::string_view text, int64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

EventCursor cursor_of(const EventRow& row, EventSort sort) {
  const EventRecord& e = row.event;
  EventCursor c;
  c.id = row.event_id;
  switch (sort) {
    case EventSort::kDate: c.key = int64_t{e.date}; break;
    case EventSort::kSource: c.key = e.source; break;
    case EventSort::kTarget: c.key = e.target; break;
    case EventSort::kCode: c.key = e.code; break;
    // Stored NULL when absent (store.cpp): root "", quad class 0, no weight, no place.
    case EventSort::kRoot: if (!e.root.empty()) c.key = e.root; break;
    case EventSort::kQuadClass: if (e.quad_class) c.key = int64_t{e.quad_class}; break;
    case EventSort::kGoldstein: if (e.goldstein) c.key = *e.goldstein; break;
    case EventSort::kCountry: if (e.place) c.key = e.place->country; break;
    case EventSort::kDocument: c.key = row.doc_id; break;
  }
  return c;
}

std::string format_event_cursor(const EventCursor& cursor, EventSort sort, bool descending) {
  std::string out(event_sort_name(sort));
  out += descending ? "~d~" : "~a~";
  out += std::to_string(cursor.id);
  out += '~';
  if (const auto* i = std::get_if<int64_t>(&cursor.key)) {
    out += 'i';
    out += std::to_string(*i);
  } else if (const auto* r = std::get_if<double>(&cursor.key)) {
    uint64_t bits = 0;
    std::memcpy(&bits, r, sizeof bits);
    out += 'r';
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(bits >> shift) & 15];
  } else if (const auto* s = std::get_if<std::string>(&cursor.key)) {
    out += 's';
    append_hex(out, reinterpret_cast<const unsigned char*>(s->data()), s->size());
  } else {
    out += 'n';
  }
  return out;
}

std::optional<EventCursor> parse_event_cursor(std::string_view token, EventSort sort, bool descending) {
  if (token.size() > 600) return std::nullopt;
  std::string_view rest = token;
  if (next_field(rest) != event_sort_name(sort)) return std::nullopt;
  if (next_field(rest) != (descending ? "d" : "a")) return std::nullopt;
  EventCursor c;
  if (!parse_int(next_field(rest), c.id) || c.id < 0) return std::nullopt;
  const std::string_view key = rest;
  if (key.empty() || key.find('~') != std::string_view::npos) return std::nullopt;
  const std::string_view value = key.substr(1);
  switch (key[0]) {
    case 'n':
      if (!value.empty()) return std::nullopt;
      break;
    case 'i': {
      int64_t i = 0;
      if (!parse_int(value, i)) return std::nullopt;
      c.key = i;
      break;
    }
    case 'r': {
      if (value.size() != 16) return std::nullopt;
      uint64_t bits = 0;
      for (char ch : value) {
        const int d = hex_digit(ch);
        if (d < 0) return std::nullopt;
        bits = bits << 4 | static_cast<uint64_t>(d);
      }
      double r = 0;
      std::memcpy(&r, &bits, sizeof r);
      c.key = r;
      break;
    }
    case 's': {
      std::string s;
      if (!from_hex(value, s)) return std::nullopt;
      c.key = std::move(s);
      break;
    }
    default: return std::nullopt;
  }
  return c;
}

}  // namespace parley::store
