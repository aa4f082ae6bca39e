// The coding driver (pipeline/driver.h): records delivered in input order and
// identically for every thread count and batch size, <Config> applied exactly
// where the file says, refused options reported at their line, and the
// Engine's options left untouched by a run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dict/load.h"
#include "pipeline/driver.h"
#include "support/engine.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace parley {
namespace {

const std::string kDir = test::test_data_path("pipeline");

EngineConfig test_config() { return test::engine_config(kDir); }

std::string write_temp(const std::string& name, const std::string& content) {
  return test::process_temp_dir().write(name, content);
}

// "id: SOURCE TARGET CODE; ..." per delivered record, plus the warnings.
class ListSink : public RecordSink {
 public:
  explicit ListSink(size_t slots) : rendered_(slots) {}
  void render(size_t slot, const CodedRecord& r) override {
    std::string& s = rendered_[slot];
    s = r.input.id + ":";
    for (const Event& e : r.coded.events) s += " " + e.source + " " + e.target + " " + std::string(e.code.view()) + ";";
  }
  void deliver(size_t slot, const io::InputRecord& r) override {
    EXPECT_EQ(rendered_[slot].rfind(r.id + ":", 0), 0u) << "slot " << slot << " rendered another record";
    delivered.push_back(rendered_[slot]);
  }
  void end_batch() override { ++batches; }
  void bad_record(const std::string& m) override { bad.push_back(m); }
  void warning(const std::string& m) override { warnings.push_back(m); }

  std::vector<std::string> delivered, bad, warnings;
  int batches = 0;

 private:
  std::vector<std::string> rendered_;
};

struct DriverRun {
  std::vector<std::string> delivered, warnings;
  int batches = 0;
};

DriverRun run_driver(const std::string& input, int threads, size_t batch) {
  DriverOptions o;
  o.threads = threads;
  o.batch = batch;
  o.date = 20250806;
  o.engine = test_config;
  Driver driver(o);
  ListSink sink(driver.batch_size());
  driver.run(std::vector<std::string>{input}, sink);
  return DriverRun{sink.delivered, sink.warnings, sink.batches};
}

TEST(PipelineDriver, InputOrderForEveryThreadCountAndBatchSize) {
  const char* texts[] = {"Trump threatened Russia with tariffs.", "Putin met Trump in Moscow.", "Russia accused Ukraine.",
                         "Nothing happened today.", "France met Russia. Russia accused France."};
  std::string jsonl;
  for (int i = 0; i < 101; ++i)
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + texts[i % 5] + "\"}\n";
  const std::string in = write_temp("order.jsonl", jsonl);
  const std::vector<std::string> one = run_driver(in, 1, 512).delivered;
  ASSERT_EQ(one.size(), 101u);
  for (size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].rfind("r" + std::to_string(i) + ":", 0), 0u) << one[i];
  EXPECT_NE(one[0].find("RUS 1312"), std::string::npos) << one[0];
  const DriverRun small = run_driver(in, 2, 7);
  EXPECT_EQ(small.delivered, one);
  EXPECT_EQ(small.batches, 15);  // ceil(101 / 7), all coded by the same helper thread
  EXPECT_EQ(run_driver(in, 3, 1).delivered, one);
  EXPECT_EQ(run_driver(in, 4, 64).delivered, one);
}

TEST(PipelineDriver, ConfigAppliesExactlyWhereTheFileSays) {
  // "Russia accused." has no target: no event while dyads are required.
  auto sentence = [](const std::string& id) {
    return "<Sentence date=\"20250806\" id=\"" + id + "\" sentence=\"True\"><Text>Russia accused.</Text></Sentence>\n";
  };
  const std::string in = write_temp("config.xml", "<Sentences>\n" + sentence("a") + sentence("b") +
                                                      "<Config option=\"require_dyad\" value=\"false\"></Config>\n" +
                                                      sentence("c") +
                                                      "<Config option=\"require_dyad\" value=\"True\"></Config>\n" +
                                                      sentence("d") + "</Sentences>\n");
  for (int threads : {1, 2}) {
    const std::vector<std::string> got = run_driver(in, threads, 512).delivered;
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0], "a:");
    EXPECT_EQ(got[1], "b:");
    EXPECT_EQ(got[2], "c: RUS --- 112;");
    EXPECT_EQ(got[3], "d:");
  }
}

TEST(PipelineDriver, RefusedOptionsAreWarnedAboutAtTheirLine) {
  const std::string in = write_temp("refused.xml",
                                    "<Sentences>\n"
                                    "<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
                                    "<Config option=\"no_such_option\" value=\"1\"></Config>\n"
                                    "<Config option=\"require_dyad\" value=\"maybe\"></Config>\n"
                                    "<Config option=\"new_actor_length\" value=\"0\"></Config>\n"
                                    "</Sentences>\n");
  const std::vector<std::string> warnings = run_driver(in, 1, 512).warnings;
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0], in + ":2: " + kNewActorLengthUnsupported + " (got 4)");
  EXPECT_EQ(warnings[1], in + ":3: unknown option 'no_such_option'");
  EXPECT_EQ(warnings[2], in + ":4: bad value 'maybe' for option 'require_dyad'");
}

// What a RunObserver sees: progress after every batch and once at the end,
// and a call before every message so a display can get out of the way.
struct Observed : RunObserver {
  std::vector<RunProgress> updates;
  std::vector<std::string>* log = nullptr;
  void progress(const RunProgress& p) override { updates.push_back(p); }
  void before_message() override { log->push_back("<before>"); }
};

struct LoggingSink : ListSink {
  using ListSink::ListSink;
  std::vector<std::string> log;
  void warning(const std::string& m) override { log.push_back(m); }
  void bad_record(const std::string& m) override { log.push_back(m); }
};

TEST(PipelineDriver, ObserverSeesRecordsSentencesAndBytes) {
  std::string jsonl;
  for (int i = 0; i < 10; ++i)
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"date\":\"2025-08-06\",\"text\":\"Russia accused Ukraine. France met Russia.\"}\n";
  jsonl += "{\"id\":\"nodate\",\"text\":\"Russia accused Ukraine.\"}\nnot json\n";
  const std::string in = write_temp("observed.jsonl", jsonl);
  DriverOptions o;
  o.batch = 4;
  o.engine = test_config;
  Observed observer;
  o.observer = &observer;
  Driver driver(o);
  LoggingSink sink(driver.batch_size());
  observer.log = &sink.log;
  driver.run(std::vector<std::string>{in}, sink);
  ASSERT_EQ(observer.updates.size(), 4u);  // batches of 4, 4, 3, then the end
  EXPECT_EQ(observer.updates[0].records, 4);
  EXPECT_EQ(observer.updates[0].sentences, 8);
  EXPECT_EQ(observer.updates[0].bytes_total, jsonl.size());
  EXPECT_GT(observer.updates[0].bytes_read, 0u);
  EXPECT_LT(observer.updates[0].bytes_read, jsonl.size());
  EXPECT_FALSE(observer.updates[0].done);
  EXPECT_EQ(observer.updates[2].records, 11);
  EXPECT_EQ(observer.updates[2].sentences, 21);
  EXPECT_TRUE(observer.updates[3].done);
  EXPECT_EQ(observer.updates[3].bytes_read, jsonl.size());
  // The bad line and the missing date, each announced to the observer first.
  ASSERT_EQ(sink.log.size(), 4u);
  EXPECT_EQ(sink.log[0], "<before>");
  EXPECT_NE(sink.log[1].find(":12: record " + in + ":12: malformed JSON"), std::string::npos) << sink.log[1];
  EXPECT_EQ(sink.log[2], "<before>");
  EXPECT_EQ(sink.log[3], in + ":11: record nodate: no date; coded without one, so its events have no date "
                              "(give a date or --date)");
}

TEST(PipelineDriver, ObserverOfStdinKnowsNoSize) {
  DriverOptions o;
  o.engine = test_config;
  Observed observer;
  o.observer = &observer;
  Driver driver(o);
  LoggingSink sink(driver.batch_size());
  observer.log = &sink.log;
  driver.run(std::vector<std::string>{"/dev/null"}, sink);  // not a regular file
  ASSERT_FALSE(observer.updates.empty());
  EXPECT_EQ(observer.updates.back().bytes_total, 0u);
  EXPECT_TRUE(observer.updates.back().done);
}

TEST(PipelineDriver, ARecordBeforeAnyEnvironmentNeedsADefaultEngine) {
  const std::string in = write_temp("noenv.jsonl", "{\"id\":\"x\",\"text\":\"Russia accused Ukraine.\"}\n");
  DriverOptions o;  // no engine: as parley validate
  Driver driver(o);
  ListSink sink(driver.batch_size());
  EXPECT_THROW(driver.run(std::vector<std::string>{in}, sink), std::runtime_error);
}

TEST(RunOptions, SetRunOption) {
  RunOptions o;
  std::string why;
  EXPECT_TRUE(set_run_option(o, "require_dyad", "FALSE", why));
  EXPECT_FALSE(o.require_dyad);
  EXPECT_TRUE(set_run_option(o, "comma_emax", "0", why));
  EXPECT_TRUE(set_run_option(o, "new_actor_length", "0", why));
  EXPECT_FALSE(set_run_option(o, "new_actor_length", "3", why));
  EXPECT_NE(why.find("not implemented"), std::string::npos) << why;
  EXPECT_FALSE(set_run_option(o, "comma_min", "two", why));
  EXPECT_FALSE(o.require_dyad);  // a refused option changes nothing
}

TEST(RunOptions, TheEngineKeepsItsLoadedOptions) {
  Engine engine(test_config());
  Worker worker(engine);
  RunOptions o = worker.run_options();
  EXPECT_TRUE(o.require_dyad);
  o.require_dyad = false;
  worker.set_run_options(o);
  EXPECT_FALSE(worker.run_options().require_dyad);
  EXPECT_TRUE(engine.run_options().require_dyad);
  EXPECT_TRUE(Worker(engine).run_options().require_dyad);
}

}  // namespace
}  // namespace parley
