#include "validate/validate.h"

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <stdexcept>

#include "io/input.h"
#include "pipeline/engine.h"

namespace parley {
namespace {

std::string resolve(const std::string& dir, const std::string& name) {
  if (name.empty()) return name;
  std::filesystem::path p(name);
  if (p.is_absolute() || dir.empty()) return name;
  return (std::filesystem::path(dir) / p).string();
}

bool sentence_flag(const io::InputRecord& r) { return r.sentence_mode; }

}  // namespace

size_t ValidationReport::passed() const {
  return static_cast<size_t>(std::count_if(records.begin(), records.end(), [](const auto& r) { return r.passed; }));
}
size_t ValidationReport::failed() const { return records.size() - passed(); }

ValidationReport run_validation(const ValidationSettings& settings) {
  io::ReaderOptions ropts;
  auto reader = io::InputReader::open(settings.file, ropts);
  ValidationReport report;
  std::unique_ptr<Engine> engine;
  std::unique_ptr<Worker> worker;
  std::vector<std::pair<std::string, std::string>> pending_config;
  io::InputRecord rec;
  std::string error;
  CodedDocument coded;
  const std::string dicts_dir =
      settings.dicts_dir.empty() ? std::filesystem::path(settings.file).parent_path().string() : settings.dicts_dir;

  auto apply = [&](const std::string& option, const std::string& value) {
    std::string why;
    if (!engine->set_option(option, value, why)) report.errors.push_back(settings.file + ": <Config>: " + why);
    worker->set_coder_options(engine->coder_options());
  };

  while (reader->next(rec, error)) {
    if (!error.empty()) {
      report.errors.push_back(error);
      error.clear();
      continue;
    }
    if (rec.kind == io::InputRecord::kEnvironment) {
      EngineConfig cfg;
      if (!settings.wordnet_dir.empty()) cfg.wordnet_dir = settings.wordnet_dir;
      cfg.dialect = Dialect::kTabari;
      cfg.paths.verbs.push_back(resolve(dicts_dir, rec.env.verbfile));
      if (!rec.env.actorfile.empty()) cfg.paths.actors.push_back(resolve(dicts_dir, rec.env.actorfile));
      cfg.paths.agents = resolve(dicts_dir, rec.env.agentfile);
      cfg.paths.discards = resolve(dicts_dir, rec.env.discardfile);
      cfg.paths.issues = resolve(dicts_dir, rec.env.issuefile);
      engine = std::make_unique<Engine>(cfg);
      worker = std::make_unique<Worker>(*engine);
      for (const auto& [k, v] : rec.env.config) apply(k, v);
      continue;
    }
    if (!engine) throw std::runtime_error(settings.file + ": no <Environment> before the first record");
    if (rec.kind == io::InputRecord::kConfig) {
      apply(rec.option, rec.value);
      continue;
    }
    if (!sentence_flag(rec)) {
      ++report.skipped;
      continue;
    }
    worker->code(rec.id, rec.date, rec.text, true, coded);
    ValidationOutcome out;
    out.id = rec.id;
    out.category = rec.category;
    out.text = rec.text;
    if (rec.gold_error.empty() && !rec.gold_noevents) {
      for (const auto& g : rec.gold) out.expected.push_back(g.source + " " + g.target + " " + g.code);
    }
    for (const auto& ev : coded.events) out.got.push_back(ev.source + " " + ev.target + " " + std::string(ev.code.view()));
    std::sort(out.expected.begin(), out.expected.end());
    out.expected.erase(std::unique(out.expected.begin(), out.expected.end()), out.expected.end());
    std::sort(out.got.begin(), out.got.end());
    out.got.erase(std::unique(out.got.begin(), out.got.end()), out.got.end());
    out.passed = out.expected == out.got;
    report.records.push_back(std::move(out));
  }
  if (!engine) throw std::runtime_error(settings.file + ": not a PETRARCH validation file (no <Environment>)");
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
