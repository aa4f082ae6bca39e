#include "dict/text_lines.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cameo/cameo.h"

namespace parley::dict_internal {
namespace {

constexpr size_t kMaxFileBytes = size_t{256} << 20;
constexpr size_t kMaxLineBytes = 64 << 10;

// Length of the valid UTF-8 sequence at s[i], or 0.
size_t utf8_sequence(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;   // overlong
    if (c == 0xED) hi = 0x9F;   // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;   // above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

void check_text(const std::string& path, std::string_view text) {
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      if (i - line_start > kMaxLineBytes)
        throw DictError(path, line, "line longer than " + std::to_string(kMaxLineBytes) + " bytes");
      ++line;
      line_start = ++i;
      continue;
    }
    if (c == 0) throw DictError(path, line, "NUL byte in the text");
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = utf8_sequence(text, i);
    if (n == 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02X at column %zu)", c,
                    i - line_start + 1);
      throw DictError(path, line, buf);
    }
    i += n;
  }
  if (text.size() - line_start > kMaxLineBytes)
    throw DictError(path, line, "line longer than " + std::to_string(kMaxLineBytes) + " bytes");
}

// A '#' inside "[...]" is part of a code (TABARI's discard code "[###]").
size_t comment_hash(std::string_view raw, size_t from) {
  bool in_bracket = false;
  for (size_t i = from; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '[') in_bracket = true;
    else if (c == ']') in_bracket = false;
    else if (c == '#' && !in_bracket) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string read_checked_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw DictError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (text.size() + n > kMaxFileBytes) {
      std::fclose(f);
      throw DictError(path, 0, "file larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
    }
    text.append(buf, n);
  }
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) throw DictError(path, 0, "read error");
  if (text.find_first_not_of(" \t\r\n\v\f") == std::string::npos) throw DictError(path, 1, "file is empty");
  check_text(path, text);
  return text;
}

bool CommentedLines::next(std::string_view& line) {
  if (pos_ >= text_.size()) {
    if (in_block_) throw DictError(path_, block_start_, "unterminated <!-- comment");
    return false;
  }
  size_t nl = text_.find('\n', pos_);
  if (nl == std::string_view::npos) nl = text_.size();
  std::string_view raw = text_.substr(pos_, nl - pos_);
  pos_ = nl + 1;
  ++number_;
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);

  if (!in_block_ && raw.find_first_of("#<") == std::string_view::npos) {
    size_t end = raw.size();
    while (end > 0 && is_space(raw[end - 1])) --end;
    line = raw.substr(0, end);
    return true;
  }
  if (!in_block_) {
    std::string_view t = trim_left(raw);
    if (t.starts_with("<!") && !t.starts_with("<!--")) {
      line = {};
      return true;
    }
  }
  scratch_.clear();
  size_t i = 0;
  while (i <= raw.size()) {
    if (in_block_) {
      size_t e = raw.find("-->", i);
      if (e == std::string_view::npos) break;
      in_block_ = false;
      i = e + 3;
      continue;
    }
    size_t hash = comment_hash(raw, i);
    size_t open = raw.find("<!--", i);
    if (open < hash) {
      scratch_.append(raw.substr(i, open - i));
      in_block_ = true;
      block_start_ = number_;
      i = open + 4;
      continue;
    }
    scratch_.append(raw.substr(i, hash == std::string_view::npos ? std::string_view::npos : hash - i));
    break;
  }
  size_t end = scratch_.size();
  while (end > 0 && is_space(scratch_[end - 1])) --end;
  line = std::string_view(scratch_).substr(0, end);
  return true;
}

void Diagnostics::error(const std::string& path, uint32_t line, const std::string& what) const {
  throw DictError(path, line, what);
}

void Diagnostics::warn(const std::string& path, uint32_t line, const std::string& what) const {
  if (options_.strict) throw DictError(path, line, what);
  std::string message = path + ":" + std::to_string(line) + ": warning: " + what;
  if (options_.on_warning) options_.on_warning(message);
  else std::fprintf(stderr, "%s\n", message.c_str());
  sink_.push_back(std::move(message));
}

std::string_view trim_left(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && is_space(s[b])) ++b;
  return s.substr(b);
}

std::string_view trim(std::string_view s) {
  s = trim_left(s);
  size_t e = s.size();
  while (e > 0 && is_space(s[e - 1])) --e;
  return s.substr(0, e);
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

uint32_t intern_upper(Vocabulary& vocab, std::string_view word) {
  for (char c : word)
    if (c >= 'a' && c <= 'z') return vocab.intern(upper_ascii(word));
  return vocab.intern(word);
}

void split_words(std::string_view phrase, bool underscores_separate,
                 std::vector<std::string_view>& out) {
  out.clear();
  size_t i = 0;
  auto is_sep = [&](char c) { return is_space(c) || (underscores_separate && c == '_'); };
  while (i < phrase.size()) {
    while (i < phrase.size() && is_sep(phrase[i])) ++i;
    size_t b = i;
    while (i < phrase.size() && !is_sep(phrase[i])) ++i;
    if (i > b) out.push_back(phrase.substr(b, i - b));
  }
}

namespace {
bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool ends_with_sibilant(std::string_view w) {
  return w.ends_with('S') || w.ends_with('X') || w.ends_with('Z') || w.ends_with("CH") ||
         w.ends_with("SH");
}
}  // namespace

std::string plural_of(std::string_view w) {
  std::string out(w);
  if (w.size() > 1 && w.back() == 'Y' && !is_vowel(w[w.size() - 2])) {
    out.pop_back();
    out += "IES";
  } else if (ends_with_sibilant(w)) {
    out += "ES";
  } else {
    out += "S";
  }
  return out;
}

void regular_verb_forms(std::string_view w, std::string out[3]) {
  out[0] = plural_of(w);
  bool consonant_y = w.size() > 1 && w.back() == 'Y' && !is_vowel(w[w.size() - 2]);
  if (w.ends_with('E')) out[1] = std::string(w) + "D";
  else if (consonant_y) out[1] = std::string(w.substr(0, w.size() - 1)) + "IED";
  else out[1] = std::string(w) + "ED";
  if (w.size() > 2 && w.ends_with('E') && !w.ends_with("EE"))
    out[2] = std::string(w.substr(0, w.size() - 1)) + "ING";
  else out[2] = std::string(w) + "ING";
}

bool code_chars_ok(std::string_view code, size_t max_len, std::string_view extra_chars) {
  if (code.empty() || code.size() > max_len) return false;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '+' || c == '~' || extra_chars.find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

CodeCheck check_event_code(std::string_view code, bool allow_private) {
  if (code == "---") return CodeCheck::kOk;
  if (!code_chars_ok(code, 7, allow_private ? "?" : "")) return CodeCheck::kBadSyntax;
  if (allow_private || cameo_lookup(code)) return CodeCheck::kOk;
  return CodeCheck::kUnknown;
}

}  // namespace parley::dict_internal
