#include "validate/validate.h"

#include <algorithm>
#include <iomanip>
#include <stdexcept>

#include "io/input.h"
#include "pipeline/driver.h"

namespace parley {
namespace {

// Scores each sentence record against its <EventCoding> as it is delivered.
class ScoringSink : public RecordSink {
 public:
  ScoringSink(size_t slots, ValidationReport& report) : got_(slots), report_(report) {}

  // Only sentence="true" records are coded (from their <Text> alone).
  bool wants(const io::InputRecord& r) override {
    if (r.sentence_mode) return true;
    ++report_.skipped;
    return false;
  }
  void render(size_t slot, const CodedRecord& r) override {
    std::vector<std::string>& got = got_[slot];
    got.clear();
    for (const auto& ev : r.coded.events) got.push_back(ev.source + " " + ev.target + " " + std::string(ev.code.view()));
  }
  void deliver(size_t slot, const io::InputRecord& rec) override {
    ValidationOutcome out;
    out.id = rec.id;
    out.category = rec.category;
    out.text = rec.text;
    if (rec.gold_error.empty() && !rec.gold_noevents) {
      for (const auto& g : rec.gold) out.expected.push_back(g.source + " " + g.target + " " + g.code);
    }
    out.got = std::move(got_[slot]);
    std::sort(out.expected.begin(), out.expected.end());
    out.expected.erase(std::unique(out.expected.begin(), out.expected.end()), out.expected.end());
    std::sort(out.got.begin(), out.got.end());
    out.got.erase(std::unique(out.got.begin(), out.got.end()), out.got.end());
    out.passed = out.expected == out.got;
    report_.records.push_back(std::move(out));
  }
  void bad_record(const std::string& message) override { report_.errors.push_back(message); }
  void warning(const std::string& message) override { report_.errors.push_back(message); }

 private:
  std::vector<std::vector<std::string>> got_;  // per slot
  ValidationReport& report_;
};

}  // namespace

size_t ValidationReport::passed() const {
  return static_cast<size_t>(std::count_if(records.begin(), records.end(), [](const auto& r) { return r.passed; }));
}
size_t ValidationReport::failed() const { return records.size() - passed(); }

ValidationReport run_validation(const ValidationSettings& settings) {
  DriverOptions d;
  d.threads = settings.threads;
  d.dicts_dir = settings.dicts_dir;
  if (!settings.wordnet_dir.empty()) d.wordnet_dir = settings.wordnet_dir;
  // No d.engine: a record before any <Environment> is an error here.
  const DictPaths over = settings.overrides;
  d.adjust_environment = [over](EngineConfig& cfg) {
    if (!over.verbs.empty()) cfg.paths.verbs = over.verbs;
    if (!over.actors.empty()) cfg.paths.actors = over.actors;
    if (!over.agents.empty()) cfg.paths.agents = over.agents;
    if (!over.discards.empty()) cfg.paths.discards = over.discards;
    if (!over.issues.empty()) cfg.paths.issues = over.issues;
  };
  Driver driver(d);
  ValidationReport report;
  ScoringSink sink(driver.batch_size(), report);
  const DriverStats stats = driver.run(std::vector<std::string>{settings.file}, sink);
  if (!stats.environments) throw std::runtime_error(settings.file + ": not a PETRARCH validation file (no <Environment>)");
  return report;
}

void print_report(const ValidationReport& report, std::ostream& out, bool list_failures) {
  auto join = [](const std::vector<std::string>& v) {
    if (v.empty()) return std::string("(none)");
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  if (list_failures) {
    for (const auto& r : report.records) {
      if (r.passed) continue;
      out << "FAIL " << (r.id.empty() ? "(no id)" : r.id) << " [" << r.category << "]\n"
          << "  text:     " << r.text << "\n"
          << "  expected: " << join(r.expected) << "\n"
          << "  got:      " << join(r.got) << "\n";
    }
  }
  for (const auto& e : report.errors) out << "error: " << e << "\n";
  std::map<std::string, std::pair<size_t, size_t>> by_category;
  for (const auto& r : report.records) {
    auto& c = by_category[r.category];
    (r.passed ? c.first : c.second)++;
  }
  out << "\n" << std::left << std::setw(12) << "category" << std::right << std::setw(8) << "passed" << std::setw(8)
      << "failed" << std::setw(9) << "rate" << "\n";
  for (const auto& [cat, c] : by_category) {
    const double rate = 100.0 * static_cast<double>(c.first) / static_cast<double>(c.first + c.second);
    out << std::left << std::setw(12) << cat << std::right << std::setw(8) << c.first << std::setw(8) << c.second
        << std::setw(8) << std::fixed << std::setprecision(1) << rate << "%\n";
  }
  const size_t total = report.records.size();
  out << "records coded: " << total << ", skipped (sentence != true): " << report.skipped << ", accuracy: "
      << std::fixed << std::setprecision(1) << (total ? 100.0 * static_cast<double>(report.passed()) / static_cast<double>(total) : 0.0)
      << "%\n";
  out << report.passed() << " passed, " << report.failed() << " failed\n";
}

}  // namespace parley
