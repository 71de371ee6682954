//! The accounts' database connection: one interface over the two places the accounts live,
//! the embedded `SQLite` file of an archive and, in cluster mode, the cluster's `PostgreSQL`.
//!
//! In: SQL written once for both, with `?N` placeholders, in what the two dialects share
//! (`RETURNING`, `ON CONFLICT DO NOTHING`, `TRUE`/`FALSE`, `substr`, `EXISTS`), and its
//! parameters as [`Value`]s. Out: rows of [`Value`]s read by column ([`Row::get`]), the
//! number of rows changed, and transactions ([`Db::begin`]) that roll back unless committed.
//! Only the schema and the opening differ per backend: `SQLite`'s migrations are in
//! `accounts/mod.rs`, `PostgreSQL`'s in `cluster/migrations/0002_accounts.sql` (the same
//! tables, flags as `boolean`). Every rule (lockout, expiry, hashing) is in the modules
//! above this one, once.
//!
//! `PostgreSQL`'s client is blocking and runs a runtime of its own: a call made on the
//! reading room's async threads is moved off them first ([`outside_runtime`]). A connection
//! lost (the database restarted) is opened again at the next call.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use postgres::types::Type;

use crate::{Error, Result};

/// A value bound to or read from a query: what both backends store (flags are integers 0
/// and 1 here, `boolean` in `PostgreSQL`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<usize> for Value {
    fn from(v: usize) -> Self {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Int(i64::from(v))
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// The parameters of a query, each turned into a [`Value`].
macro_rules! params {
    () => { &[] as &[$crate::accounts::db::Value] };
    ($($v:expr),+ $(,)?) => { &[$($crate::accounts::db::Value::from($v)),+] };
}
pub(crate) use params;

/// A type a column is read as.
pub(crate) trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}

impl FromValue for bool {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i != 0),
            _ => None,
        }
    }
}

impl FromValue for String {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// A row of a query's answer.
#[derive(Debug)]
pub(crate) struct Row(Vec<Value>);

impl Row {
    /// Column `i` (from 0) as a `T`; a missing column or another type is an error naming
    /// the column.
    pub(crate) fn get<T: FromValue>(&self, i: usize) -> Result<T> {
        self.0.get(i).and_then(T::from_value).ok_or_else(|| {
            // Not the value: it may be a password hash.
            Error::Store(format!(
                "column {i} is not a {}",
                std::any::type_name::<T>()
            ))
        })
    }
}

/// An open accounts database.
pub(crate) enum Db {
    Sqlite {
        conn: rusqlite::Connection,
        path: PathBuf,
    },
    Postgres {
        /// None after the connection was found lost, until the next call opens it again.
        client: Option<Box<postgres::Client>>,
        url: String,
        /// Statements prepared on `client`, by their SQL.
        statements: HashMap<String, postgres::Statement>,
    },
}

impl Drop for Db {
    /// A `PostgreSQL` connection is closed apart from the server's runtime, where the
    /// accounts are dropped when the server stops ([`cluster::coordinator::close_apart`]).
    fn drop(&mut self) {
        if let Db::Postgres { client, .. } = self {
            if let Some(client) = client.take() {
                cluster::coordinator::close_apart(*client);
            }
        }
    }
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The URL may hold a password: never shown.
            Db::Sqlite { path, .. } => write!(f, "Db::Sqlite({})", path.display()),
            Db::Postgres { .. } => f.write_str("Db::Postgres"),
        }
    }
}

impl Db {
    /// The `SQLite` database `conn` of the file at `path`.
    pub(crate) fn sqlite(conn: rusqlite::Connection, path: &Path) -> Db {
        Db::Sqlite {
            conn,
            path: path.to_path_buf(),
        }
    }

    /// Connects to the cluster's `PostgreSQL` at `url`, bringing its schema (the
    /// coordinator's migrations, the accounts' among them) up to date.
    pub(crate) fn postgres(url: &str) -> Result<Db> {
        let mut db = Db::Postgres {
            client: None,
            url: url.to_string(),
            statements: HashMap::new(),
        };
        db.client()?;
        Ok(db)
    }

    /// Runs `sql` (no parameters, no answer: schema, `PRAGMA`s, transaction control).
    pub(crate) fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite { conn, path } => conn.execute_batch(sql).map_err(|e| sqlite_error(path, e)),
            Db::Postgres { .. } => {
                let client = self.client()?;
                outside_runtime(|| client.batch_execute(sql)).map_err(|e| self.pg_error(e))
            }
        }
    }

    /// Runs a statement; the number of rows it changed.
    pub(crate) fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        match self {
            Db::Sqlite { conn, path } => conn
                .prepare_cached(sql)
                .and_then(|mut s| s.execute(rusqlite::params_from_iter(params.iter().map(lite))))
                .map_err(|e| sqlite_error(path, e)),
            Db::Postgres { .. } => {
                let changed = self.on_postgres(sql, params, |client, statement, params| {
                    client.execute(statement, params)
                })?;
                Ok(usize::try_from(changed).unwrap_or(usize::MAX))
            }
        }
    }

    /// The rows a query answers.
    pub(crate) fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        match self {
            Db::Sqlite { conn, path } => {
                let read = || -> rusqlite::Result<Vec<Row>> {
                    let mut stmt = conn.prepare_cached(sql)?;
                    let columns = stmt.column_count();
                    let mut rows =
                        stmt.query(rusqlite::params_from_iter(params.iter().map(lite)))?;
                    let mut out = Vec::new();
                    while let Some(row) = rows.next()? {
                        let mut values = Vec::with_capacity(columns);
                        for i in 0..columns {
                            values.push(from_lite(row.get_ref(i)?));
                        }
                        out.push(Row(values));
                    }
                    Ok(out)
                };
                read().map_err(|e| sqlite_error(path, e))
            }
            Db::Postgres { .. } => {
                let rows = self.on_postgres(sql, params, |client, statement, params| {
                    client.query(statement, params)
                })?;
                rows.iter()
                    .map(|row| {
                        (0..row.len())
                            .map(|i| from_pg(row, i))
                            .collect::<std::result::Result<Vec<_>, _>>()
                            .map(Row)
                            .map_err(|e| self.pg_error(e))
                    })
                    .collect()
            }
        }
    }

    /// Runs `call` with the statement of `sql` prepared and `params` bound as its
    /// placeholders' types ask, off the async threads.
    fn on_postgres<T: Send>(
        &mut self,
        sql: &str,
        params: &[Value],
        call: impl FnOnce(
                &mut postgres::Client,
                &postgres::Statement,
                &[&(dyn postgres::types::ToSql + Sync)],
            ) -> std::result::Result<T, postgres::Error>
            + Send,
    ) -> Result<T> {
        let (client, statement) = self.prepared(sql)?;
        let bound = bind(&statement, params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            bound.iter().map(AsRef::as_ref).collect();
        outside_runtime(|| call(client, &statement, &refs)).map_err(|e| self.pg_error(e))
    }

    /// The first row a query answers, if any.
    pub(crate) fn query_opt(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The first row a query answers; none is an error (the query always answers one:
    /// `COUNT`, `EXISTS`, `RETURNING`).
    pub(crate) fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row> {
        self.query_opt(sql, params)?
            .ok_or_else(|| Error::Store("a query answered no row".into()))
    }

    /// Starts a transaction: committed by [`Tx::commit`], rolled back when dropped before.
    pub(crate) fn begin(&mut self) -> Result<Tx<'_>> {
        self.batch("BEGIN")?;
        Ok(Tx {
            db: self,
            open: true,
        })
    }

    /// The connection to `PostgreSQL`, opened (and the schema migrated) when there is none
    /// or the last one was lost.
    fn client(&mut self) -> Result<&mut postgres::Client> {
        let Db::Postgres {
            client,
            url,
            statements,
        } = self
        else {
            unreachable!("only PostgreSQL has a client")
        };
        if client.as_ref().is_some_and(|c| c.is_closed()) {
            *client = None;
        }
        if client.is_none() {
            statements.clear();
            let opened = outside_runtime(|| {
                let mut c = cluster::coordinator::connect(url.as_str())?;
                cluster::migrate::migrate(&mut c)?;
                Ok::<_, cluster::Error>(c)
            })
            .map_err(|e| Error::Store(e.to_string()))?;
            *client = Some(Box::new(opened));
        }
        Ok(client.as_mut().expect("opened above").as_mut())
    }

    /// The client and the statement of `sql` (its `?N` placeholders as `$N`) prepared on it.
    fn prepared(&mut self, sql: &str) -> Result<(&mut postgres::Client, postgres::Statement)> {
        self.client()?;
        let Db::Postgres {
            client: Some(client),
            statements,
            ..
        } = self
        else {
            unreachable!("the client was opened above")
        };
        if let Some(statement) = statements.get(sql) {
            return Ok((client, statement.clone()));
        }
        let text = dollar_placeholders(sql);
        let statement = match outside_runtime(|| client.prepare(&text)) {
            Ok(s) => s,
            Err(e) => return Err(Error::Postgres(e)),
        };
        statements.insert(sql.to_string(), statement.clone());
        Ok((client, statement))
    }

    /// A `PostgreSQL` failure; a lost connection is dropped, to be opened again next time.
    fn pg_error(&mut self, e: postgres::Error) -> Error {
        if let Db::Postgres {
            client, statements, ..
        } = self
        {
            if e.is_closed() || client.as_ref().is_some_and(|c| c.is_closed()) {
                *client = None;
                statements.clear();
            }
        }
        Error::Postgres(e)
    }

    /// Whether this is the cluster's `PostgreSQL`.
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Db::Postgres { .. })
    }

    /// The `SQLite` connection (backups, read-only checks), none on `PostgreSQL`.
    pub(crate) fn sqlite_conn(&self) -> Option<(&rusqlite::Connection, &Path)> {
        match self {
            Db::Sqlite { conn, path } => Some((conn, path.as_path())),
            Db::Postgres { .. } => None,
        }
    }
}

/// An open transaction; see [`Db::begin`].
pub(crate) struct Tx<'a> {
    db: &'a mut Db,
    open: bool,
}

impl Tx<'_> {
    pub(crate) fn commit(mut self) -> Result<()> {
        self.open = false;
        self.db.batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl std::ops::DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // A connection that cannot roll back is lost: the database rolls back itself.
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

/// A failure of the `SQLite` database at `path`.
pub(crate) fn sqlite_error(path: &Path, source: rusqlite::Error) -> Error {
    Error::Database {
        path: path.display().to_string(),
        source,
    }
}

fn lite(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Null => rusqlite::types::Value::Null,
        Value::Int(i) => rusqlite::types::Value::Integer(*i),
        Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
    }
}

fn from_lite(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null | ValueRef::Real(_) | ValueRef::Blob(_) => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
    }
}

/// The parameters as the types `PostgreSQL` inferred for the statement's placeholders.
fn bind(
    statement: &postgres::Statement,
    params: &[Value],
) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    statement
        .params()
        .iter()
        .zip(params)
        .map(|(ty, v)| -> Box<dyn postgres::types::ToSql + Sync> {
            match (v, ty) {
                (Value::Null, _) => null_of(ty),
                (Value::Int(i), &Type::BOOL) => Box::new(*i != 0),
                (Value::Int(i), &Type::INT2) => Box::new(i16::try_from(*i).unwrap_or(i16::MAX)),
                (Value::Int(i), &Type::INT4) => Box::new(i32::try_from(*i).unwrap_or(i32::MAX)),
                (Value::Int(i), &Type::TEXT | &Type::VARCHAR) => Box::new(i.to_string()),
                (Value::Int(i), _) => Box::new(*i),
                (Value::Text(s), _) => Box::new(s.clone()),
            }
        })
        .collect()
}

/// A null of the type a statement's placeholder takes.
fn null_of(ty: &Type) -> Box<dyn postgres::types::ToSql + Sync> {
    match *ty {
        Type::BOOL => Box::new(Option::<bool>::None),
        Type::INT2 => Box::new(Option::<i16>::None),
        Type::INT4 => Box::new(Option::<i32>::None),
        Type::INT8 => Box::new(Option::<i64>::None),
        _ => Box::new(Option::<String>::None),
    }
}

fn from_pg(row: &postgres::Row, i: usize) -> std::result::Result<Value, postgres::Error> {
    let ty = row.columns()[i].type_().clone();
    Ok(match ty {
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)?
            .map_or(Value::Null, Value::from),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)?
            .map_or(Value::Null, |v| Value::Int(v.into())),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)?
            .map_or(Value::Null, |v| Value::Int(v.into())),
        Type::INT8 => row
            .try_get::<_, Option<i64>>(i)?
            .map_or(Value::Null, Value::Int),
        _ => row
            .try_get::<_, Option<String>>(i)?
            .map_or(Value::Null, Value::Text),
    })
}

/// `sql` with its `?N` placeholders written `$N`, as `PostgreSQL` takes them.
fn dollar_placeholders(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Runs `f` (a blocking `PostgreSQL` call, whose client runs a runtime of its own) where
/// that is allowed: as it is outside any runtime and on a blocking thread, through
/// `block_in_place` on the reading room's async threads, on a thread of its own under a
/// single-threaded runtime.
fn outside_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        Ok(_) => std::thread::scope(|s| {
            s.spawn(f)
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        }),
        Err(_) => f(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_written_as_postgresql_takes_them() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND (?2 IS NULL OR c = ?2)"),
            "SELECT a FROM t WHERE b = $1 AND ($2 IS NULL OR c = $2)"
        );
        assert_eq!(dollar_placeholders("SELECT 1"), "SELECT 1");
    }
}
