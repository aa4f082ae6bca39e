#include <algorithm>
#include <charconv>

#include "io/csv.h"
#include "io/json_writer.h"
#include "store/result_table.h"

namespace parley::store {
namespace {

std::string number_text(double v) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string cell_text(const Cell& c) {
  if (const auto* i = std::get_if<int64_t>(&c)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&c)) return number_text(*d);
  if (const auto* b = std::get_if<bool>(&c)) return *b ? "true" : "false";
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return {};
}

// Display width: UTF-8 code points (continuation bytes do not count).
size_t width_of(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string for_display(std::string s, size_t max_width) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (width_of(s) <= max_width) return s;
  size_t points = 0, cut = 0;
  for (; cut < s.size(); ++cut) {
    if ((static_cast<unsigned char>(s[cut]) & 0xC0) != 0x80 && points++ == max_width - 1) break;
  }
  return s.substr(0, cut) + "…";
}

void csv_field(std::string& out, const std::string& s) { io::append_csv_field(out, s); }

}  // namespace

std::string format_aligned(const ResultTable& t, size_t max_width) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths;
  for (const auto& c : t.columns) widths.push_back(width_of(c));
  for (const auto& row : t.rows) {
    auto& line = cells.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      line.push_back(for_display(cell_text(row[i]), std::max<size_t>(max_width, 2)));
      widths[i] = std::max(widths[i], width_of(line.back()));
    }
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text.append(widths[i] - width_of(line[i]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  emit(t.columns);
  for (const auto& line : cells) emit(line);
  return out;
}

std::string format_jsonl(const ResultTable& t) {
  io::JsonWriter w;
  for (const auto& row : t.rows) {
    w.begin_object();
    for (size_t i = 0; i < row.size(); ++i) {
      w.key(t.columns[i]);
      const Cell& c = row[i];
      if (const auto* n = std::get_if<int64_t>(&c)) w.integer(*n);
      else if (const auto* d = std::get_if<double>(&c)) w.number(*d);
      else if (const auto* b = std::get_if<bool>(&c)) w.boolean(*b);
      else if (const auto* s = std::get_if<std::string>(&c)) w.string(*s);
      else w.null();
    }
    w.end_object();
    w.end_line();
  }
  return w.data();
}

std::string format_csv(const ResultTable& t) {
  std::string out;
  auto emit = [&](const auto& line, auto to_text) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (i) out += ',';
      csv_field(out, to_text(line[i]));
    }
    out += "\r\n";
  };
  emit(t.columns, [](const std::string& s) { return s; });
  for (const auto& row : t.rows) emit(row, cell_text);
  return out;
}

std::string format_table(const ResultTable& t, OutputFormat f) {
  switch (f) {
    case OutputFormat::kJsonLines: return format_jsonl(t);
    case OutputFormat::kCsv: return format_csv(t);
    case OutputFormat::kTable: break;
  }
  return format_aligned(t);
}

ResultTable select_columns(const ResultTable& t, const std::vector<std::string>& names) {
  std::vector<size_t> picked;
  ResultTable out;
  for (const auto& name : names) {
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    if (it == t.columns.end()) continue;
    picked.push_back(static_cast<size_t>(it - t.columns.begin()));
    out.columns.push_back(name);
  }
  for (const auto& row : t.rows) {
    auto& line = out.rows.emplace_back();
    for (size_t i : picked) line.push_back(row[i]);
  }
  return out;
}

}  // namespace parley::store
