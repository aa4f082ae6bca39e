-- A parley event store as schema version 1 wrote it (sqlite3 .dump), with one
-- made-up document, its event, cluster, quote and deadline: the input of
-- tests/store_migration_test.cpp.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('application','parley');
INSERT INTO meta VALUES('schema_version','1');
CREATE TABLE documents(
  id TEXT PRIMARY KEY,
  date INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  text TEXT NOT NULL,
  story_discarded INTEGER NOT NULL DEFAULT 0
);
INSERT INTO documents VALUES('old-1',20250806,'old.jsonl','Gondor met Arnor. "We agree," the king said.',0);
CREATE TABLE sentences(
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  begin_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  discarded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;
INSERT INTO sentences VALUES('old-1',0,0,17,'Gondor met Arnor.',0);
INSERT INTO sentences VALUES('old-1',1,18,45,'"We agree," the king said.',0);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  date INTEGER NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  passive INTEGER NOT NULL DEFAULT 0,
  negated INTEGER NOT NULL DEFAULT 0,
  nominal INTEGER NOT NULL DEFAULT 0,
  verb TEXT NOT NULL,
  verb_entry TEXT NOT NULL,
  pattern TEXT,
  source_begin INTEGER, source_end INTEGER,
  verb_begin INTEGER, verb_end INTEGER,
  target_begin INTEGER, target_end INTEGER,
  source_text TEXT, target_text TEXT,
  FOREIGN KEY(doc_id, sentence) REFERENCES sentences(doc_id, idx) ON DELETE CASCADE
);
INSERT INTO events VALUES(1,'old-1',0,20250806,'GON','ARN','040','04',1,1.0,0,0,0,'met','/home/someone/dict/verbs.txt:12',NULL,0,6,7,10,11,16,'Gondor','Arnor');
CREATE TABLE event_clusters(
  id INTEGER PRIMARY KEY,
  date INTEGER NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  UNIQUE(date, source, target, code)
);
INSERT INTO event_clusters VALUES(1,20250806,'GON','ARN','040','04',1,1.0,1,1);
CREATE TABLE cluster_documents(
  cluster_id INTEGER NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mentions INTEGER NOT NULL,
  PRIMARY KEY(cluster_id, doc_id)
) WITHOUT ROWID;
INSERT INTO cluster_documents VALUES(1,'old-1',1);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  speaker_text TEXT NOT NULL,
  speaker_code TEXT NOT NULL,
  quote_text TEXT NOT NULL,
  speaker_begin INTEGER, speaker_end INTEGER,
  quote_begin INTEGER, quote_end INTEGER
);
INSERT INTO quotes VALUES(1,'old-1',1,'the king','GONGOV','We agree',30,38,19,27);
CREATE TABLE deadlines(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  setter_code TEXT NOT NULL, setter_text TEXT NOT NULL,
  target_code TEXT NOT NULL, target_text TEXT NOT NULL,
  due_date INTEGER NOT NULL,
  about TEXT NOT NULL,
  begin_byte INTEGER, end_byte INTEGER
);
INSERT INTO deadlines VALUES(1,'old-1',1,'GON','Gondor','ARN','Arnor',20250808,'agree',18,45);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX events_doc ON events(doc_id, sentence);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_code ON events(code, date);
CREATE INDEX event_clusters_source ON event_clusters(source, date);
CREATE INDEX cluster_documents_doc ON cluster_documents(doc_id);
CREATE INDEX event_clusters_target ON event_clusters(target, date);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_code);
CREATE INDEX deadlines_doc ON deadlines(doc_id);
CREATE INDEX deadlines_due ON deadlines(due_date);
COMMIT;
