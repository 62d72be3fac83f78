#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// An SQLite connection (sqlite-nio's copy of SQLite).
typedef struct sqlite3 sqlite3;

/// Sets (`on` = 1) or clears (`on` = 0) the query planner stability guarantee of the SQLite
/// connection `db`, or only reads it (`on` = -1). Returns the setting afterwards (0 or 1), or -1
/// when SQLite refused.
int openimi_sqlite_planner_stability(sqlite3 *db, int on);

#endif
