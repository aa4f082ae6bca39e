#include "python/record_objects.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace py = pybind11;

namespace parley::python {
namespace {

// Interned str objects for the keys met so far (the ~60 field names parley
// writes, and passed-through input members'), so that a key costs a lookup
// instead of an allocation and its hash is computed once.  Only touched with
// the GIL held.  Its objects live as long as the process: releasing them at
// exit could run after the interpreter is gone.
class KeyCache {
 public:
  // A new reference to the str of `utf8` (valid UTF-8), or null with a
  // Python error set.
  PyObject* get(std::string_view utf8) {
    // Records of one type repeat the same keys in the same order, nested
    // objects' included: first try the key that followed the previous one
    // last time, which saves hashing and probing.
    const uint32_t guess = slots_[last_].next;
    if (guess != kNone && slots_[guess].bytes == utf8) {
      last_ = guess;
      return Py_NewRef(slots_[guess].key);
    }
    const uint64_t h = hash(utf8);
    size_t i = h & (kSlots - 1);
    for (; slots_[i].key; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i].hash == h && slots_[i].bytes == utf8) {
        slots_[last_].next = static_cast<uint32_t>(i);
        last_ = static_cast<uint32_t>(i);
        return Py_NewRef(slots_[i].key);
      }
    }
    PyObject* key = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), nullptr);
    // A corpus whose input members have ever-new names (ids used as keys)
    // must not grow the cache without end: past half full, new keys are
    // made each time, as json.loads() makes them.
    if (!key || used_ >= kSlots / 2) return key;
    PyUnicode_InternInPlace(&key);
    slots_[i].hash = h;
    slots_[i].bytes = utf8;
    slots_[i].key = Py_NewRef(key);
    slots_[last_].next = static_cast<uint32_t>(i);
    last_ = static_cast<uint32_t>(i);
    ++used_;
    return key;
  }

 private:
  static constexpr size_t kSlots = 1024;
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    std::string bytes;
    PyObject* key = nullptr;
    uint32_t next = kNone;  // the slot of the key that came after this one last time
  };
  static uint64_t hash(std::string_view s) {  // FNV-1a
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
  }
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
  uint32_t last_ = 0;  // the slot of the last key handed out (any slot at first)
  size_t used_ = 0;
};

KeyCache& keys() {
  static KeyCache* cache = new KeyCache;  // never destroyed (see KeyCache)
  return *cache;
}

// The last short ASCII values met, by hash (one per slot, replaced on a
// miss): a record's values repeat across records (its type, codes, actors,
// root, PLOVER type, verb, evidence file, date, the document's id in each of
// its events), and handing out the same str again costs a reference count
// instead of an allocation, a copy and a free.  A str is immutable, so the
// dicts cannot tell.  Only touched with the GIL held; kept for the process's
// life, as KeyCache.
class ValueCache {
 public:
  static constexpr size_t kMaxBytes = 32;

  // A new reference to the str of the ASCII `text` (at most kMaxBytes).
  PyObject* get(std::string_view text) {
    Slot& slot = slots_[hash(text) & (kSlots - 1)];
    if (slot.str && slot.size == text.size() && std::memcmp(slot.bytes, text.data(), text.size()) == 0)
      return Py_NewRef(slot.str);
    PyObject* str = PyUnicode_New(static_cast<Py_ssize_t>(text.size()), 127);
    if (!str) return nullptr;
    std::memcpy(PyUnicode_1BYTE_DATA(str), text.data(), text.size());
    Py_XSETREF(slot.str, Py_NewRef(str));
    slot.size = static_cast<uint8_t>(text.size());
    std::memcpy(slot.bytes, text.data(), text.size());
    return str;
  }

 private:
  static constexpr size_t kSlots = 2048;
  struct Slot {
    PyObject* str = nullptr;
    uint8_t size = 0;
    char bytes[kMaxBytes];
  };
  // From the length and up to four 8-byte words that together cover the
  // text (overlapping when shorter): no per-byte loop.
  static uint64_t hash(std::string_view s) {
    const size_t n = s.size();
    uint64_t h = n * 0x9E3779B97F4A7C15ull;
    auto word = [&](size_t at) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + at, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    };
    if (n >= 8) {
      word(0);
      word(n - 8);
      if (n > 16) {
        word(8);
        word(n - 16);
      }
    } else {
      uint64_t w = 0;
      std::memcpy(&w, s.data(), n);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    return h;
  }
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

ValueCache& values() {
  static ValueCache* cache = new ValueCache;  // never destroyed (see KeyCache)
  return *cache;
}

// Reads one line's JSON value into Python objects.  value() returns a new
// reference, or null when the line holds something this reader leaves to
// json.loads() (or memory ran out; then a Python error is set, which the
// caller clears: json.loads() will meet the same).
class LineReader {
 public:
  LineReader(const char* begin, const char* end, std::vector<PyObject*>& stack, std::string& scratch)
      : p_(begin), end_(end), stack_(stack), scratch_(scratch) {}

  // The whole line's value: one value and nothing after it but spaces.
  PyObject* line() {
    PyObject* v = value();
    if (v) {
      skip_spaces();
      if (p_ != end_) Py_CLEAR(v);
    }
    return v;
  }

 private:
  void skip_spaces() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool literal(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  PyObject* value() {
    skip_spaces();
    if (p_ == end_) return nullptr;
    switch (*p_) {
      case '{':
      case '[': {
        // A passed-through member may nest without end (the C++ readers
        // and writers do not recurse); this reader does, so past a depth
        // no record has, the line goes to json.loads(), which raises
        // RecursionError instead of overflowing the C stack.
        if (depth_ == kMaxDepth) return nullptr;
        ++depth_;
        PyObject* v = *p_ == '{' ? object() : array();
        --depth_;
        return v;
      }
      case '"': return string(/*is_key=*/false);
      case 't': return literal("true", 4) ? Py_NewRef(Py_True) : nullptr;
      case 'f': return literal("false", 5) ? Py_NewRef(Py_False) : nullptr;
      case 'n': return literal("null", 4) ? Py_NewRef(Py_None) : nullptr;
      default: return number();
    }
  }

  // Drops what a failed object or array had put on the stack.
  std::nullptr_t unwind(size_t base) {
    for (size_t i = base; i < stack_.size(); ++i) Py_DECREF(stack_[i]);
    stack_.resize(base);
    return nullptr;
  }

  PyObject* object() {
    ++p_;
    const size_t base = stack_.size();
    skip_spaces();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return PyDict_New();
    }
    for (;;) {
      skip_spaces();
      if (p_ == end_ || *p_ != '"') return unwind(base);
      PyObject* key = string(/*is_key=*/true);
      if (!key) return unwind(base);
      stack_.push_back(key);
      skip_spaces();
      if (p_ == end_ || *p_ != ':') return unwind(base);
      ++p_;
      PyObject* v = value();
      if (!v) return unwind(base);
      stack_.push_back(v);
      skip_spaces();
      if (p_ == end_) return unwind(base);
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ != '}') return unwind(base);
      ++p_;
      break;
    }
    // Made at its final size: a record's ~30 members would otherwise
    // resize it three times.  (_PyDict_NewPresized is CPython's own, used by
    // its compiler for dict displays; exported, not in the limited API.)
    const Py_ssize_t members = static_cast<Py_ssize_t>((stack_.size() - base) / 2);
    PyObject* dict = _PyDict_NewPresized(members);
    if (!dict) return unwind(base);
    for (size_t i = base; i < stack_.size(); i += 2) {
      // A repeated key keeps its first place and its last value, as in
      // json.loads().
      if (PyDict_SetItem(dict, stack_[i], stack_[i + 1]) < 0) {
        Py_DECREF(dict);
        return unwind(base);
      }
    }
    unwind(base);
    return dict;
  }

  PyObject* array() {
    ++p_;
    const size_t base = stack_.size();
    skip_spaces();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return PyList_New(0);
    }
    for (;;) {
      PyObject* v = value();
      if (!v) return unwind(base);
      stack_.push_back(v);
      skip_spaces();
      if (p_ == end_) return unwind(base);
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ != ']') return unwind(base);
      ++p_;
      break;
    }
    PyObject* list = PyList_New(static_cast<Py_ssize_t>(stack_.size() - base));
    if (!list) return unwind(base);
    for (size_t i = base; i < stack_.size(); ++i) PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i - base), stack_[i]);
    stack_.resize(base);  // the list owns them now
    return list;
  }

  PyObject* string(bool is_key) {
    const char* s = ++p_;
    unsigned char seen = 0;  // OR of the bytes: < 0x80 means ASCII
    // Eight bytes at a time while none of them is '"', '\\' or non-ASCII
    // (texts and ids are long enough for it to count), then byte by byte.
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    while (end_ - p_ >= 8) {
      uint64_t w;
      std::memcpy(&w, p_, 8);
      const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
      if (((quote - kOnes) & ~quote & kHighs) | ((backslash - kOnes) & ~backslash & kHighs) | (w & kHighs)) break;
      p_ += 8;
    }
    while (p_ < end_ && *p_ != '"' && *p_ != '\\') seen |= static_cast<unsigned char>(*p_++);
    if (p_ == end_) return nullptr;
    if (*p_ == '\\') return escaped(s, is_key);
    const std::string_view text(s, static_cast<size_t>(p_ - s));
    ++p_;
    if (is_key) return keys().get(text);
    if (seen < 0x80) {
      if (text.size() <= ValueCache::kMaxBytes) return values().get(text);
      // ASCII: the bytes are the str's storage; no decoder needed.
      PyObject* str = PyUnicode_New(static_cast<Py_ssize_t>(text.size()), 127);
      if (str) std::memcpy(PyUnicode_1BYTE_DATA(str), text.data(), text.size());
      return str;
    }
    return PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), nullptr);
  }

  // A string with escapes, from its first byte `s`: unescaped into scratch_.
  PyObject* escaped(const char* s, bool is_key) {
    scratch_.assign(s, p_);
    for (;;) {
      if (p_ == end_) return nullptr;
      const char c = *p_++;
      if (c == '"') break;
      if (c != '\\') {
        scratch_.push_back(c);
        continue;
      }
      if (p_ == end_) return nullptr;
      switch (*p_++) {
        case '"': scratch_.push_back('"'); break;
        case '\\': scratch_.push_back('\\'); break;
        case '/': scratch_.push_back('/'); break;
        case 'b': scratch_.push_back('\b'); break;
        case 'f': scratch_.push_back('\f'); break;
        case 'n': scratch_.push_back('\n'); break;
        case 'r': scratch_.push_back('\r'); break;
        case 't': scratch_.push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          if (!hex4(cp)) return nullptr;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return nullptr;  // a lone surrogate
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return nullptr;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return nullptr;
          }
          append_utf8(scratch_, static_cast<char32_t>(cp));
          break;
        }
        default: return nullptr;
      }
    }
    if (is_key) return keys().get(scratch_);
    return PyUnicode_DecodeUTF8(scratch_.data(), static_cast<Py_ssize_t>(scratch_.size()), nullptr);
  }

  bool hex4(uint32_t& cp) {
    if (end_ - p_ < 4) return false;
    const auto r = std::from_chars(p_, p_ + 4, cp, 16);
    if (r.ec != std::errc() || r.ptr != p_ + 4) return false;
    p_ += 4;
    return true;
  }

  // JSON's number grammar; an integer is an int, anything with a fraction
  // or an exponent a float, as json.loads() reads them.
  PyObject* number() {
    const char* s = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    const char* digits = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ == digits || (*digits == '0' && p_ - digits > 1)) return nullptr;  // NaN, Infinity, 01
    bool integer = true;
    if (p_ < end_ && *p_ == '.') {
      integer = false;
      const char* f = ++p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == f) return nullptr;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      integer = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      const char* e = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == e) return nullptr;
    }
    if (integer) {
      int64_t v = 0;
      const auto r = std::from_chars(s, p_, v);
      return r.ec == std::errc() ? PyLong_FromLongLong(v) : nullptr;  // beyond 64 bits: json.loads()
    }
    // Correctly rounded, as float() of the text; out of range (1e400, which
    // json.loads() reads as inf) goes to json.loads().
    double d = 0;
    const auto r = std::from_chars(s, p_, d);
    return r.ec == std::errc() ? PyFloat_FromDouble(d) : nullptr;
  }

  static constexpr int kMaxDepth = 200;
  int depth_ = 0;
  const char* p_;
  const char* end_;
  std::vector<PyObject*>& stack_;
  std::string& scratch_;
};

}  // namespace

// Turns the cyclic garbage collector off for its life (if it was on).  The
// objects made meanwhile are new trees, referenced from the list being
// filled, with no cycle among them: a collection would scan them, find
// nothing and promote them.  Made with the collector on, a batch's ~6
// containers per record set off a young-generation collection every ~120
// records, each promoting them towards the older generations whose
// collections then scan them again while the caller still holds the batch:
// a third of the time it takes to make the dicts.  Paused line by line, the
// allocations still count, and the first collection after the batch scans
// them once.
class CollectorPaused {
 public:
  CollectorPaused() : was_enabled_(PyGC_Disable()) {}
  ~CollectorPaused() {
    if (was_enabled_) PyGC_Enable();
  }
  CollectorPaused(const CollectorPaused&) = delete;
  CollectorPaused& operator=(const CollectorPaused&) = delete;

 private:
  int was_enabled_;
};

void append_records(std::string_view jsonl, py::list& list) {
  // Kept for the process's life: a static py::object would be released at
  // exit without the GIL.
  static py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  std::vector<PyObject*> stack;
  std::string scratch;
  stack.reserve(128);
  const char* p = jsonl.data();
  const char* const end = p + jsonl.size();
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (!eol) eol = end;
    PyObject* record;
    {
      // Only around our own reading: json.loads() runs Python code, which
      // may let another thread run, and that must find the collector as
      // its program left it.  (No collection can start between two lines:
      // nothing is allocated there while it is on.)
      const CollectorPaused paused;
      record = LineReader(p, eol, stack, scratch).line();
    }
    if (!record) {
      PyErr_Clear();
      record = (*loads)(py::str(p, static_cast<size_t>(eol - p))).release().ptr();
    }
    const int appended = PyList_Append(list.ptr(), record);
    Py_DECREF(record);
    if (appended < 0) throw py::error_already_set();
    p = eol + 1;
  }
}

}  // namespace parley::python
