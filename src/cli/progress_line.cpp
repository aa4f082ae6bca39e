#include "cli/progress_line.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cinttypes>

namespace parley::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);
constexpr auto kPlainLineEvery = std::chrono::seconds(10);

// 1234567 -> "1,234,567".
std::string grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string bytes_text(uint64_t b) {
  char buf[32];
  const double v = static_cast<double>(b);
  if (b >= (1ull << 30)) std::snprintf(buf, sizeof buf, "%.1f GB", v / (1ull << 30));
  else if (b >= (1ull << 20)) std::snprintf(buf, sizeof buf, "%.1f MB", v / (1ull << 20));
  else if (b >= (1ull << 10)) std::snprintf(buf, sizeof buf, "%.1f KB", v / (1ull << 10));
  else std::snprintf(buf, sizeof buf, "%" PRIu64 " B", b);
  return buf;
}

std::string duration_text(double seconds) {
  const auto s = static_cast<int64_t>(seconds + 0.5);
  char buf[48];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%" PRId64 "h%02" PRId64 "m", s / 3600, s / 60 % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%" PRId64 "m%02" PRId64 "s", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%" PRId64 "s", s);
  return buf;
}

}  // namespace

ProgressLine::Style ProgressLine::style_for(std::FILE* out) {
  return isatty(fileno(out)) ? Style::kRedrawnLine : Style::kPlainLines;
}

ProgressLine::ProgressLine(std::FILE* out, Style style)
    : out_(out), style_(style), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

std::string ProgressLine::describe(const RunProgress& p, double seconds) {
  std::string line = "parley: " + grouped(p.records) + (p.records == 1 ? " record, " : " records, ");
  const double rate = seconds > 0 ? static_cast<double>(p.sentences) / seconds : 0;
  line += grouped(static_cast<int64_t>(rate + 0.5)) + " sentences/s";
  if (p.bytes_total) {
    const uint64_t read = std::min(p.bytes_read, p.bytes_total);
    const auto percent = static_cast<int>(100.0 * static_cast<double>(read) / static_cast<double>(p.bytes_total));
    line += ", " + std::to_string(percent) + "% of " + bytes_text(p.bytes_total) + ", ETA ";
    line += read ? duration_text(seconds * static_cast<double>(p.bytes_total - read) / static_cast<double>(read)) : "?";
  }
  return line;
}

void ProgressLine::progress(const RunProgress& p) {
  const bool plain = style_ == Style::kPlainLines;
  if (p.done && !plain) return erase();
  const auto now = std::chrono::steady_clock::now();
  if (!p.done && ever_drawn_ && now - last_draw_ < (plain ? kPlainLineEvery : kRedrawEvery)) return;
  std::string line = describe(p, std::chrono::duration<double>(now - start_).count());
  // A short run's first update may already be its last: not twice in a log.
  if (plain && line == last_line_) return;
  if (plain) std::fprintf(out_, "%s\n", line.c_str());
  else std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
  last_draw_ = now;
  if (plain) last_line_ = std::move(line);
  drawn_ = !plain;
  ever_drawn_ = true;
}

void ProgressLine::before_message() { erase(); }

void ProgressLine::erase() {
  if (!drawn_) return;  // plain lines end with their newline: nothing to erase
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
  drawn_ = false;
}

void add_progress_flags(CLI::App* cmd, ProgressFlag& flag) {
  flag.option = cmd->add_flag("--progress,!--no-progress", flag.value,
                              "show records, sentences/s and an ETA on stderr (default: when stderr is a terminal)");
}

bool progress_wanted(const ProgressFlag& flag) {
  if (flag.option && flag.option->count()) return flag.value;
  return isatty(STDERR_FILENO) != 0;
}

}  // namespace parley::cli
