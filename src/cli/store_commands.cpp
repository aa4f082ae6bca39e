// `parley ingest` and `parley query`: the event store (issue 5).
//
//   parley ingest --db FILE [--dicts DIR] [--date D] [--threads N] [--[no-]progress] INPUT...
//   parley query --db FILE [--format table|jsonl|csv] events|clusters|timeline|actors|quotes|deadlines|stats ...
//
// `query events --limit N` pages as /v1/events does: after a full page the
// API's next_cursor goes to stderr as "parley: next_cursor: TOKEN" (stdout
// holds the rows alone, so JSONL and CSV stay machine-readable), and
// `--cursor TOKEN` gives the page after it (docs/STORE.md).
//
// Ingest lives in src/ingest and every query in src/store (the HTTP server
// calls the same functions); what a query's options mean is read by
// src/filters, as the API reads its query string: the options have the
// API's parameter names.  This file declares the options and chooses the
// output format.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <tuple>

#include "cli/commands.h"
#include "cli/progress_line.h"
#include "filters/filters.h"
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

// What every query kind reads.  The filters, sort and order are options
// named as the HTTP API's parameters (--place_country, --exclude, --sort,
// ...); their values are kept as given, by parameter name, and read by the
// API's own parser (filters/filters.h): one name, one meaning, one message
// for a bad value.  Paging and output are the command's own (--limit 0:
// every row); events also take --cursor, read as the API's cursor=.
struct QueryArgs {
  std::string db, format = "table";
  std::string role = "either";
  bool wide = false;
  int64_t limit = 0, offset = 0;
  filters::QueryParams::Multimap params;  // parameter name -> value, as given
};

// What a query kind gives: its rows, and for a page of events that may have
// a next one, the API's next_cursor.
struct QueryOutput {
  store::ResultTable table;
  std::optional<std::string> next_cursor;
};

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

// Runs one query kind; `query` fills the output from the open store.  A
// value the filters refuse is reported under its option's name (the
// parameter's), exit status 2.
int run_query(const QueryArgs& a, void (*query)(store::Store&, const QueryArgs&, QueryOutput&)) {
  store::OutputFormat format;
  if (a.format == "table") format = store::OutputFormat::kTable;
  else if (a.format == "jsonl") format = store::OutputFormat::kJsonLines;
  else if (a.format == "csv") format = store::OutputFormat::kCsv;
  else {
    std::fprintf(stderr, "parley: --format %s: expected table, jsonl or csv\n", a.format.c_str());
    return 2;
  }
  std::unique_ptr<store::Store> db;
  QueryOutput result;
  try {
    db = store::Store::open(a.db, store::Store::Mode::kReadOnly);
    query(*db, a, result);
  } catch (const filters::ParamError& e) {
    std::fprintf(stderr, "parley: --%s\n", e.what());
    return 2;
  }
  const std::string out = store::format_table(result.table, format);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (result.next_cursor) std::fprintf(stderr, "parley: next_cursor: %s\n", result.next_cursor->c_str());
  return 0;
}

// The command's parameters, checked as the API checks its query string.
filters::QueryParams params(const QueryArgs& a, std::initializer_list<std::string_view> allowed) {
  return filters::QueryParams(a.params, allowed);
}

void query_events(store::Store& db, const QueryArgs& a, QueryOutput& out) {
  store::EventFilter f = filters::event_list_filter(params(a, {PARLEY_EVENT_FILTER_PARAMS, "sort", "order", "cursor"}));
  f.limit = a.limit;
  f.offset = a.offset;
  const std::vector<store::EventRow> rows = db.events(f);
  out.next_cursor = filters::next_event_cursor(f, rows);
  out.table = store::events_table(rows);
  // People get the short view unless they ask for every field.
  if (a.format == "table" && !a.wide) {
    out.table = store::select_columns(out.table, {"date", "id", "sentence", "source", "target", "code", "goldstein", "verb",
                                                  "sentence_text"});
  }
}

void query_clusters(store::Store& db, const QueryArgs& a, QueryOutput& out) {
  store::EventFilter f = filters::event_filter(params(a, {PARLEY_EVENT_FILTER_PARAMS}));
  f.limit = a.limit;
  f.offset = a.offset;
  out.table = store::clusters_table(db.clusters(f));
}

void query_timeline(store::Store& db, const QueryArgs& a, QueryOutput& out) {
  const filters::QueryParams p = params(a, {PARLEY_TIMELINE_PARAMS, "dyad"});
  store::TimelineQuery t = filters::timeline_query(p);
  std::tie(t.a, t.b) = filters::checked_dyad(p.raw("dyad").value_or(""), "dyad");
  out.table = store::timeline_table(db.timeline(t));
}

void query_actors(store::Store& db, const QueryArgs& a, QueryOutput& out) {
  const filters::QueryParams p = params(a, {PARLEY_EVENT_FILTER_PARAMS, "prefix"});
  store::ActorQuery q;
  q.events = filters::event_filter(p);
  q.role = a.role == "source" ? store::ActorRole::kSource
           : a.role == "target" ? store::ActorRole::kTarget
                                : store::ActorRole::kEither;
  q.prefix = p.actor("prefix");
  q.limit = a.limit ? a.limit : 20;
  out.table = store::actors_table(db.top_actors(q));
}

void query_quotes(store::Store& db, const QueryArgs& a, QueryOutput& out) {
  store::QuoteFilter q = filters::quote_filter(params(a, {PARLEY_QUOTE_FILTER_PARAMS}));
  q.limit = a.limit;
  q.offset = a.offset;
  out.table = store::quotes_table(db.quotes(q));
}

// Every deadline, past ones too (as GET /v1/deadlines): a story read after
// its deadline still set it.  --as_of DATE keeps those still open then.
void query_deadlines(store::Store& db, const QueryArgs& a, QueryOutput& out) {
  store::DeadlineFilter q = filters::deadline_filter(params(a, {PARLEY_DEADLINE_FILTER_PARAMS}));
  q.limit = a.limit;
  q.offset = a.offset;
  out.table = store::deadlines_table(db.open_deadlines(q));
}

void query_stats(store::Store& db, const QueryArgs&, QueryOutput& out) {
  const store::StoreCounts c = db.counts();
  out.table.columns = {"documents", "sentences", "events", "clusters", "quotes", "deadlines"};
  out.table.rows.push_back({c.documents, c.sentences, c.events, c.clusters, c.quotes, c.deadlines});
}

// An option named as the API parameter `param`: --param, and --para-m too
// when the name has an underscore (--place_country, --place-country);
// `older` adds the option's older name.  Its value is kept as given, for
// the filters to read.
CLI::Option* add_param(CLI::App* cmd, QueryArgs& a, const std::string& param, const std::string& help,
                       const std::string& older = "") {
  std::string names = "--" + param;
  if (param.find('_') != std::string::npos) {
    std::string dashed = param;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    names += ",--" + dashed;
  }
  if (!older.empty()) names += "," + older;
  return cmd->add_option_function<std::string>(
      names, [&a, param](const std::string& value) { a.params.emplace(param, value); }, help);
}

// A flag parameter (directed=true).
void add_param_flag(CLI::App* cmd, QueryArgs& a, const std::string& param, const std::string& help) {
  cmd->add_flag_callback("--" + param, [&a, param] { a.params.emplace(param, "true"); }, help);
}

void add_date_range(CLI::App* cmd, QueryArgs& a, const char* what) {
  add_param(cmd, a, "from", std::string("first date of ") + what + ", YYYY-MM-DD");
  add_param(cmd, a, "to", std::string("last date of ") + what + ", YYYY-MM-DD");
}

// "date (the default), source, ...; older names: country (place_country), ...":
// the sort keys of one list (store.h), its own names first.
template <class Sort, size_t N>
std::string sort_help(const store::SortKey<Sort> (&keys)[N], const std::string& what) {
  std::string own, older;
  for (size_t i = 0; i < N; ++i) {
    size_t first = 0;
    while (keys[first].sort != keys[i].sort) ++first;
    if (first == i) {
      own += (i ? ", " : "") + std::string(keys[i].name) + (i ? "" : " (the default)");
    } else {
      older += (older.empty() ? "" : ", ") + std::string(keys[i].name) + " = " + std::string(keys[first].name);
    }
  }
  return "the field to sort by (" + what + "): " + own + (older.empty() ? "" : "; older names: " + older);
}

void add_order(CLI::App* cmd, QueryArgs& a) { add_param(cmd, a, "order", "asc (the default) or desc"); }

void add_paging(CLI::App* cmd, QueryArgs& a) {
  cmd->add_option("--limit", a.limit, "at most N rows (0 = all, the default)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--offset", a.offset, "skip the first N rows")->check(CLI::NonNegativeNumber);
}

// The event filters of /v1/events, /v1/actors, ... (PARLEY_EVENT_FILTER_PARAMS
// without the older names country, plover and doc).
void add_event_filters(CLI::App* cmd, QueryArgs& a) {
  add_param(cmd, a, "actor", "source or target code starts with this (RUS matches RUSGOV)");
  add_param(cmd, a, "source", "the source's code starts with this");
  add_param(cmd, a, "target", "the target's code starts with this");
  add_param(cmd, a, "dyad", "A,B: events between the two actors (code prefixes; not with --source/--target)");
  add_param_flag(cmd, a, "directed", "with --dyad: only A as source and B as target");
  add_param(cmd, a, "code", "exact CAMEO code (043, 174K)");
  add_param(cmd, a, "root", "CAMEO root, 01 to 20");
  add_param(cmd, a, "quad_class", "GDELT quad class, 1 to 4");
  add_param(cmd, a, "plover_type",
            "PLOVER event type (the field plover.type), any case: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, "
            "RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, OTHER");
  add_param(cmd, a, "place_country",
            "ISO 3166 country of the event's place (the field place.country): alpha-2 (RU) or alpha-3 (RUS), any case");
  add_param(cmd, a, "exclude",
            "drop events with any of these flags, comma-separated: negated, conditional (also events inside a "
            "condition), hypothetical, future, one_sided, reported");
  add_date_range(cmd, a, "the event");
  add_param(cmd, a, "q", "the sentence contains this text (case-insensitive ASCII)", "--text");
  add_param(cmd, a, "id", "only this document's events");
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

  using QueryFn = void (*)(store::Store&, const QueryArgs&, QueryOutput&);
  auto add = [&](const char* name, const char* help, QueryFn fn) {
    auto* cmd = query->add_subcommand(name, help);
    runners.emplace_back(cmd, [args, fn] { return run_query(*args, fn); });
    return cmd;
  };
  QueryArgs& a = *args;
  auto* events = add("events", "coded events, one per sentence mention (as GET /v1/events)", query_events);
  add_event_filters(events, a);
  add_param(events, a, "sort", sort_help(store::kEventSortKeys, "ties by event id, in the same direction"));
  add_order(events, a);
  add_paging(events, a);
  add_param(events, a, "cursor",
            "the rows after an earlier page of the same --sort and --order: the TOKEN of its stderr line "
            "'parley: next_cursor: TOKEN' (written after a full page of --limit rows; none: that page was the last)");
  events->add_flag("--wide", a.wide, "table format: show every field");
  auto* clusters = add("clusters", "deduplicated events: same day, source, target, code; with mentions", query_clusters);
  add_event_filters(clusters, a);
  add_paging(clusters, a);
  auto* timeline = add("timeline", "a dyad's events per day, week or month: counts per quad class, summed Goldstein",
                       query_timeline);
  add_param(timeline, a, "dyad", "A,B (code prefixes)")->required();
  add_param_flag(timeline, a, "directed", "only A as source and B as target");
  add_param(timeline, a, "interval", "day (the default), week or month", "--by");
  add_date_range(timeline, a, "the events");
  auto* actors = add("actors", "the most active actors of the events the filters match (as GET /v1/actors)",
                     query_actors);
  actors->add_option("--role", a.role, "count the events as source, as target, or either (the default; both is "
                                       "its older name)")
      ->check(CLI::IsMember({"source", "target", "either", "both"}));
  add_param(actors, a, "prefix", "only actors whose code starts with this");
  actors->add_option("--limit", a.limit, "at most N actors (default 20)")->check(CLI::NonNegativeNumber);
  add_event_filters(actors, a);
  auto* quotes = add("quotes", "quotations, by speaker (as GET /v1/quotes)", query_quotes);
  add_param(quotes, a, "speaker", "speaker code prefix or part of the speaker's name");
  add_param(quotes, a, "id", "only this document's quotes");
  add_date_range(quotes, a, "the document");
  add_param(quotes, a, "sort", sort_help(store::kQuoteSortKeys, "ties by quote id"));
  add_order(quotes, a);
  add_paging(quotes, a);
  auto* deadlines = add("deadlines", "deadlines, past ones too; --as_of: those still open on a date (as GET /v1/deadlines)",
                        query_deadlines);
  add_param(deadlines, a, "as_of", "only those due on or after this date, YYYY-MM-DD (default: all)");
  add_param(deadlines, a, "actor", "setter or target code starts with this");
  add_param(deadlines, a, "sort", sort_help(store::kDeadlineSortKeys, "ties by deadline id"));
  add_order(deadlines, a);
  add_paging(deadlines, a);
  add("stats", "how many documents, sentences, events, clusters, quotes, deadlines", query_stats);
  // `parley query --help` names every kind's options, from the options themselves.
  std::string footer =
      "The options of each kind (`parley query KIND --help` says what each means). The filters, --sort, --order and --cursor "
      "have the names of the HTTP API's parameters and mean the same (docs/STORE.md); a dashed form of an "
      "underscored name is accepted too (--place-country).";
  for (const CLI::App* kind : query->get_subcommands([](const CLI::App*) { return true; })) {
    std::string names;
    for (const CLI::Option* option : kind->get_options())
      if (option->get_name() != "--help") names += " " + option->get_name();
    footer += "\n  " + kind->get_name() + ":" + (names.empty() ? " (none)" : names);
  }
  query->footer(footer);
}

}  // namespace parley::cli
