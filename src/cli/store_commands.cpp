// `parley ingest` and `parley query`: the event store (issue 5).
//
//   parley ingest --db FILE [--dicts DIR] [--date D] [--threads N] [--[no-]progress] INPUT...
//   parley query --db FILE [--format table|jsonl|csv] events|clusters|timeline|actors|quotes|deadlines|stats ...
//
// Ingest lives in src/ingest and every query in src/store (the HTTP server
// calls the same functions); this file parses flags and chooses the output
// format.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/progress_line.h"
#include "io/dates.h"
#include "ingest/ingest.h"
#include "store/result_table.h"
#include "store/store.h"

namespace parley::cli {
namespace {

struct IngestArgs {
  DictFlags flags;
  std::string db, date;
  int threads = 1;
  size_t batch = 256;
  std::vector<std::string> inputs;
  ProgressFlag progress;
};

// Flags every query shares; dates still as text until validated.
struct QueryArgs {
  std::string db, format = "table";
  std::string actor, dyad, code, root, from, to, text, id, speaker, as_of, by = "day", role = "both", prefix;
  bool directed = false, wide = false;
  int64_t limit = 0, offset = 0;
};

// "A,B" -> a, b; both must be non-empty.
bool parse_dyad(const std::string& text, std::string& a, std::string& b) {
  const size_t comma = text.find(',');
  if (comma == std::string::npos || comma == 0 || comma + 1 == text.size() ||
      text.find(',', comma + 1) != std::string::npos) {
    std::fprintf(stderr, "parley: --dyad %s: expected two actor codes A,B\n", text.c_str());
    return false;
  }
  a = text.substr(0, comma);
  b = text.substr(comma + 1);
  return true;
}

int run_ingest(const IngestArgs& a) {
  int32_t date = 0;
  if (!parse_date_flag("--date", a.date, date)) return 2;
  ingest::IngestOptions opts;
  opts.inputs = a.inputs;
  opts.date = date;
  opts.threads = a.threads;
  ProgressLine progress(stderr);
  if (progress_wanted(a.progress)) opts.observer = &progress;
  opts.batch = a.batch;
  opts.dicts_dir = a.flags.dicts;
  opts.wordnet_dir = a.flags.wordnet;
  const DictFlags flags = a.flags;
  opts.engine = [flags] { return engine_config(flags); };
  auto db = store::Store::open(a.db);
  ingest::IngestStats stats;
  const auto start = std::chrono::steady_clock::now();
  const int status = ingest::ingest(opts, *db, stats, stderr);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "parley: stored %lld document(s), %lld event(s) in %s in %.2f s; %lld bad record(s) skipped\n",
               static_cast<long long>(stats.documents), static_cast<long long>(stats.events), a.db.c_str(), seconds,
               static_cast<long long>(stats.errors));
  return status;
}

// Runs one query kind; `query` fills the table from the open store.
int run_query(const QueryArgs& a, const std::function<int(store::Store&, const QueryArgs&, store::ResultTable&)>& query) {
  store::OutputFormat format;
  if (a.format == "table") format = store::OutputFormat::kTable;
  else if (a.format == "jsonl") format = store::OutputFormat::kJsonLines;
  else if (a.format == "csv") format = store::OutputFormat::kCsv;
  else {
    std::fprintf(stderr, "parley: --format %s: expected table, jsonl or csv\n", a.format.c_str());
    return 2;
  }
  auto db = store::Store::open(a.db, store::Store::Mode::kReadOnly);
  store::ResultTable table;
  if (int status = query(*db, a, table)) return status;
  const std::string out = store::format_table(table, format);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return 0;
}

bool event_filter(const QueryArgs& a, store::EventFilter& f) {
  f.actor = a.actor;
  if (!a.dyad.empty() && !parse_dyad(a.dyad, f.dyad_a, f.dyad_b)) return false;
  f.directed = a.directed;
  f.code = a.code;
  f.root = a.root;
  f.text = a.text;
  f.doc_id = a.id;
  f.limit = a.limit;
  f.offset = a.offset;
  return parse_date_flag("--from", a.from, f.from) && parse_date_flag("--to", a.to, f.to);
}

int query_events(store::Store& db, const QueryArgs& a, store::ResultTable& out) {
  store::EventFilter f;
  if (!event_filter(a, f)) return 2;
  out = store::events_table(db.events(f));
  // People get the short view unless they ask for every field.
  if (a.format == "table" && !a.wide) {
    out = store::select_columns(out, {"date", "id", "sentence", "source", "target", "code", "goldstein", "verb", "sentence_text"});
  }
  return 0;
}

int query_clusters(store::Store& db, const QueryArgs& a, store::ResultTable& out) {
  store::EventFilter f;
  if (!event_filter(a, f)) return 2;
  out = store::clusters_table(db.clusters(f));
  return 0;
}

int query_timeline(store::Store& db, const QueryArgs& a, store::ResultTable& out) {
  store::TimelineQuery t;
  if (a.dyad.empty()) {
    std::fprintf(stderr, "parley: query timeline: --dyad A,B is required\n");
    return 2;
  }
  if (!parse_dyad(a.dyad, t.a, t.b)) return 2;
  t.directed = a.directed;
  if (!parse_date_flag("--from", a.from, t.from) || !parse_date_flag("--to", a.to, t.to)) return 2;
  t.by = a.by == "week" ? store::Granularity::kWeek : store::Granularity::kDay;
  out = store::timeline_table(db.timeline(t));
  return 0;
}

int query_actors(store::Store& db, const QueryArgs& a, store::ResultTable& out) {
  store::ActorQuery q;
  q.role = a.role == "source" ? store::ActorRole::kSource
           : a.role == "target" ? store::ActorRole::kTarget
                                : store::ActorRole::kEither;
  q.prefix = a.prefix;
  q.limit = a.limit ? a.limit : 20;
  if (!parse_date_flag("--from", a.from, q.from) || !parse_date_flag("--to", a.to, q.to)) return 2;
  out = store::actors_table(db.top_actors(q));
  return 0;
}

int query_quotes(store::Store& db, const QueryArgs& a, store::ResultTable& out) {
  store::QuoteFilter q;
  q.speaker = a.speaker;
  q.doc_id = a.id;
  q.limit = a.limit;
  if (!parse_date_flag("--from", a.from, q.from) || !parse_date_flag("--to", a.to, q.to)) return 2;
  out = store::quotes_table(db.quotes(q));
  return 0;
}

// Every deadline, past ones too (as GET /v1/deadlines): a story read after
// its deadline still set it.  --as-of DATE keeps those still open then.
int query_deadlines(store::Store& db, const QueryArgs& a, store::ResultTable& out) {
  store::DeadlineFilter q;
  if (!parse_date_flag("--as-of", a.as_of, q.as_of)) return 2;
  q.actor = a.actor;
  q.limit = a.limit;
  out = store::deadlines_table(db.open_deadlines(q));
  return 0;
}

int query_stats(store::Store& db, const QueryArgs&, store::ResultTable& out) {
  const store::StoreCounts c = db.counts();
  out.columns = {"documents", "sentences", "events", "clusters", "quotes", "deadlines"};
  out.rows.push_back({c.documents, c.sentences, c.events, c.clusters, c.quotes, c.deadlines});
  return 0;
}

void add_date_range(CLI::App* cmd, QueryArgs& a) {
  cmd->add_option("--from", a.from, "first date, YYYY-MM-DD");
  cmd->add_option("--to", a.to, "last date, YYYY-MM-DD");
}

void add_event_filters(CLI::App* cmd, QueryArgs& a) {
  cmd->add_option("--actor", a.actor, "source or target code starts with this (RUS matches RUSGOV)");
  cmd->add_option("--dyad", a.dyad, "A,B: events between the two actors (code prefixes)");
  cmd->add_flag("--directed", a.directed, "with --dyad: only A as source and B as target");
  cmd->add_option("--code", a.code, "exact CAMEO code");
  cmd->add_option("--root", a.root, "CAMEO root, two digits");
  add_date_range(cmd, a);
  cmd->add_option("--text", a.text, "the sentence contains this text (case-insensitive)");
  cmd->add_option("--id", a.id, "only this document");
  cmd->add_option("--limit", a.limit, "at most N rows (0 = all)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--offset", a.offset, "skip the first N rows")->check(CLI::NonNegativeNumber);
}

}  // namespace

void add_store_commands(CLI::App& app, Runners& runners) {
  auto ingest_args = std::make_shared<IngestArgs>();
  auto* ingest = app.add_subcommand("ingest", "code documents and store them in an event store (SQLite)");
  ingest->add_option("--db", ingest_args->db, "the store file (created if missing)")->required();
  add_dict_flags(ingest, ingest_args->flags);
  ingest->add_option("--date", ingest_args->date,
                     "date of records without one (plain text; JSONL/XML records with no or an unreadable date)");
  ingest->add_option("--threads", ingest_args->threads, "worker threads")->check(CLI::Range(1, 256));
  ingest->add_option("--batch", ingest_args->batch, "documents per transaction (default 256)")->check(CLI::Range(1, 100000));
  ingest->add_option("inputs", ingest_args->inputs, "input files: plain text, JSON Lines, PETRARCH XML ('-' = stdin)")
      ->required();
  add_progress_flags(ingest, ingest_args->progress);
  runners.emplace_back(ingest, [ingest_args] { return run_ingest(*ingest_args); });

  auto args = std::make_shared<QueryArgs>();
  auto* query = app.add_subcommand("query", "ask an event store: events, clusters, timelines, actors, quotes, deadlines");
  query->require_subcommand(1);
  query->fallthrough();  // --db and --format may also follow the query kind
  query->add_option("--db", args->db, "the store file")->required();
  query->add_option("--format", args->format, "table (default), jsonl or csv")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}));

  using QueryFn = int (*)(store::Store&, const QueryArgs&, store::ResultTable&);
  auto add = [&](const char* name, const char* help, QueryFn fn) {
    auto* cmd = query->add_subcommand(name, help);
    runners.emplace_back(cmd, [args, fn] { return run_query(*args, fn); });
    return cmd;
  };
  auto* events = add("events", "coded events, one per sentence mention", query_events);
  add_event_filters(events, *args);
  events->add_flag("--wide", args->wide, "table format: show every field");
  add_event_filters(add("clusters", "deduplicated events: same day, source, target, code; with mentions", query_clusters),
                    *args);
  auto* timeline = add("timeline", "a dyad's events per day or week: counts per quad class, summed Goldstein",
                       query_timeline);
  timeline->add_option("--dyad", args->dyad, "A,B (code prefixes)")->required();
  timeline->add_flag("--directed", args->directed, "only A as source and B as target");
  timeline->add_option("--by", args->by, "day (default) or week")->check(CLI::IsMember({"day", "week"}));
  add_date_range(timeline, *args);
  auto* actors = add("actors", "the most active actors", query_actors);
  actors->add_option("--role", args->role, "source, target or both (default)")
      ->check(CLI::IsMember({"source", "target", "both"}));
  actors->add_option("--prefix", args->prefix, "only actors whose code starts with this");
  actors->add_option("--limit", args->limit, "at most N actors (default 20)")->check(CLI::NonNegativeNumber);
  add_date_range(actors, *args);
  auto* quotes = add("quotes", "quotations, by speaker", query_quotes);
  quotes->add_option("--speaker", args->speaker, "speaker code prefix or part of the speaker's name");
  quotes->add_option("--id", args->id, "only this document");
  quotes->add_option("--limit", args->limit, "at most N rows")->check(CLI::NonNegativeNumber);
  add_date_range(quotes, *args);
  auto* deadlines = add("deadlines", "deadlines, past ones too; --as-of: those still open on a date", query_deadlines);
  deadlines->add_option("--as-of", args->as_of, "only those due on or after this date, YYYY-MM-DD (default: all)");
  deadlines->add_option("--actor", args->actor, "setter or target code starts with this");
  deadlines->add_option("--limit", args->limit, "at most N rows")->check(CLI::NonNegativeNumber);
  add("stats", "how many documents, sentences, events, clusters, quotes, deadlines", query_stats);
}

}  // namespace parley::cli
