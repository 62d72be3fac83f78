#include "CSQLiteSettings.h"

// sqlite3_db_config is variadic, which Swift cannot call: this fixes its arguments for one option.
// The library is sqlite-nio's copy of SQLite, whose symbols carry the prefix sqlite_nio_; should
// that change, the link fails rather than anything running unset.
extern int sqlite_nio_sqlite3_db_config(sqlite3 *db, int op, ...);

// SQLITE_DBCONFIG_ENABLE_QPSG in sqlite3.h: takes an int (1, 0, or -1 to only read) and an int*.
static const int enableQueryPlannerStabilityGuarantee = 1007;

int openimi_sqlite_planner_stability(sqlite3 *db, int on) {
    int setting = -1;
    if (sqlite_nio_sqlite3_db_config(db, enableQueryPlannerStabilityGuarantee, on, &setting) != 0) {
        return -1;
    }
    return setting;
}
