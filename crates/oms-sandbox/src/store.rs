//! Storage of the sandbox in one SQLite file (`sandbox.db`), or in memory without a data
//! directory.
//!
//! The design is generic on purpose: every business object (product, inbound order, B2C order,
//! label, …) is a row of `records` with its wire JSON as the body, keyed by kind, account and key,
//! with its status and reference number pulled out for filtering and uniqueness. Stock, stock
//! movements and attachment blobs have their own tables because they are counted and summed.
//! A business module therefore needs no schema change: it picks a kind name and stores JSON.
//!
//! Access goes through [`Store::read`] and [`Store::write`] (a transaction), both handing a
//! [`Db`] with the typed helpers. The connection sits behind a mutex; handlers run on the
//! blocking pool, so holding the lock never stalls the async runtime.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The account name of reference data shared by every account (warehouses, countries, …).
pub const SHARED: &str = "";

/// The file the sandbox keeps in its data directory.
pub const DATABASE_FILE: &str = "sandbox.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (
    api_key     TEXT PRIMARY KEY,
    api_secret  TEXT NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL,
    key          TEXT NOT NULL,
    account      TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    reference_no TEXT,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (kind, account, key)
);
CREATE UNIQUE INDEX IF NOT EXISTS records_reference
    ON records (kind, account, reference_no) WHERE reference_no IS NOT NULL;
CREATE TABLE IF NOT EXISTS stock (
    account       TEXT NOT NULL,
    warehouse_code TEXT NOT NULL,
    product_sku   TEXT NOT NULL,
    sale_qty      INTEGER NOT NULL DEFAULT 0,
    lock_qty      INTEGER NOT NULL DEFAULT 0,
    bad_qty       INTEGER NOT NULL DEFAULT 0,
    asn_qty       INTEGER NOT NULL DEFAULT 0,
    out_qty       INTEGER NOT NULL DEFAULT 0,
    return_qty    INTEGER NOT NULL DEFAULT 0,
    good_return_qty INTEGER NOT NULL DEFAULT 0,
    destroy_qty   INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (account, warehouse_code, product_sku)
);
CREATE TABLE IF NOT EXISTS stock_movements (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    account        TEXT NOT NULL,
    warehouse_code TEXT NOT NULL,
    product_sku    TEXT NOT NULL,
    batch_no       TEXT,
    order_no       TEXT,
    biz_type       INTEGER NOT NULL,
    opt_type       INTEGER NOT NULL,
    opt_qty        INTEGER NOT NULL,
    balance_qty    INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attachments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account         TEXT NOT NULL,
    owner_kind      TEXT NOT NULL,
    owner_key       TEXT NOT NULL,
    attachment_type TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    file_type       TEXT NOT NULL,
    bytes           BLOB NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sequences (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
";

/// Every table, in the order they are emptied by a reset.
const TABLES: &[&str] = &[
    "accounts",
    "records",
    "stock",
    "stock_movements",
    "attachments",
    "sequences",
    "settings",
];

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory or database file could not be opened.
    #[error("cannot open the sandbox database at {path}: {detail}")]
    Open {
        /// The path tried.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// Another record of the same kind already uses this reference number.
    #[error("{kind} with referenceNo {reference_no} already exists")]
    DuplicateReference {
        /// The record kind.
        kind: String,
        /// The reference number.
        reference_no: String,
    },
    /// Another record of the same kind already has this key.
    #[error("{kind} {key} already exists")]
    DuplicateKey {
        /// The record kind.
        kind: String,
        /// The key.
        key: String,
    },
    /// A body stored in the database is not JSON (the file was edited by hand).
    #[error("stored JSON is unreadable: {0}")]
    Json(#[from] serde_json::Error),
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Shorthand for storage results.
pub type StoreResult<T> = Result<T, StoreError>;

/// An API account of the sandbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The public API key.
    pub api_key: String,
    /// The secret that signs tokens.
    pub api_secret: String,
    /// A display name.
    pub name: String,
}

/// One stored business object.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// What it is: `product`, `inbound_order`, `warehouse`, ….
    pub kind: String,
    /// Its key within the kind: a SKU, an order number, a warehouse code.
    pub key: String,
    /// The owning account's API key ([`SHARED`] for reference data).
    pub account: String,
    /// The status code, 0 where the kind has none.
    pub status: i64,
    /// The seller's reference number, unique per kind and account when present.
    pub reference_no: Option<String>,
    /// The object as the API shows it.
    pub body: Value,
    /// Creation time, `yyyy-MM-dd HH:mm:ss` on the sandbox clock.
    pub created_at: String,
    /// Last change, same format.
    pub updated_at: String,
}

/// A stock counter of one SKU in one warehouse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockCounter {
    /// Sellable (`saleQty`).
    Sale,
    /// Locked by orders (`lockQty`).
    Lock,
    /// Damaged (`badQty`).
    Bad,
    /// On the way in (`asnQty`).
    Asn,
    /// Shipped out (`outQty`).
    Out,
    /// Returned (`returnQty`).
    Return,
    /// Returned in good condition and put back on the shelf (`goodReturnQty`).
    GoodReturn,
    /// Returned and destroyed (`destroyQty`).
    Destroy,
}

impl StockCounter {
    fn column(self) -> &'static str {
        match self {
            Self::Sale => "sale_qty",
            Self::Lock => "lock_qty",
            Self::Bad => "bad_qty",
            Self::Asn => "asn_qty",
            Self::Out => "out_qty",
            Self::Return => "return_qty",
            Self::GoodReturn => "good_return_qty",
            Self::Destroy => "destroy_qty",
        }
    }
}

/// The stock counters of one SKU in one warehouse.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StockRow {
    /// Owning account.
    pub account: String,
    /// Warehouse.
    pub warehouse_code: String,
    /// SKU.
    pub product_sku: String,
    /// Sellable.
    pub sale_qty: i64,
    /// Locked by orders.
    pub lock_qty: i64,
    /// Damaged.
    pub bad_qty: i64,
    /// On the way in.
    pub asn_qty: i64,
    /// Shipped.
    pub out_qty: i64,
    /// Returned.
    pub return_qty: i64,
    /// Returned in good condition and restocked.
    pub good_return_qty: i64,
    /// Returned and destroyed.
    pub destroy_qty: i64,
    /// Last change.
    pub updated_at: String,
}

/// A change of one stock counter, written together with its movement row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockChange<'a> {
    /// Owning account.
    pub account: &'a str,
    /// Warehouse.
    pub warehouse_code: &'a str,
    /// SKU.
    pub product_sku: &'a str,
    /// Which counter moves.
    pub counter: StockCounter,
    /// By how much (negative to decrease).
    pub delta: i64,
    /// `bizType` of the movement (1 initial stock, 2 put-away, 3 order lock, …).
    pub biz_type: i64,
    /// The order that caused it.
    pub order_no: Option<&'a str>,
    /// The batch.
    pub batch_no: Option<&'a str>,
    /// When, on the sandbox clock.
    pub at: &'a str,
}

/// One stock movement (`inventory_record_list` row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockMovement {
    /// Warehouse.
    pub warehouse_code: String,
    /// SKU.
    pub product_sku: String,
    /// Batch.
    pub batch_no: Option<String>,
    /// Order.
    pub order_no: Option<String>,
    /// `bizType`.
    pub biz_type: i64,
    /// 1 increase, -1 decrease.
    pub opt_type: i64,
    /// Quantity moved (positive).
    pub opt_qty: i64,
    /// The counter after the move.
    pub balance_qty: i64,
    /// When.
    pub created_at: String,
}

/// A stored attachment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAttachment {
    /// Id given by the sandbox.
    pub id: i64,
    /// `attachmentType`.
    pub attachment_type: String,
    /// File name.
    pub file_name: String,
    /// `fileType` (for example `PDF`).
    pub file_type: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// The sandbox database.
#[derive(Debug)]
pub struct Store {
    connection: Mutex<Connection>,
}

impl Store {
    /// Opens `sandbox.db` in `data_dir` (created if missing), or an in-memory database.
    pub fn open(data_dir: Option<&Path>) -> StoreResult<Self> {
        let connection = match data_dir {
            Some(dir) => {
                let path = dir.join(DATABASE_FILE);
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                    path: dir.to_owned(),
                    detail: e.to_string(),
                })?;
                Connection::open(&path).map_err(|e| StoreError::Open {
                    path,
                    detail: e.to_string(),
                })?
            }
            None => Connection::open_in_memory()?,
        };

        connection.execute_batch("PRAGMA foreign_keys = ON;")?;
        connection.execute_batch(SCHEMA)?;

        Ok(Self {
            connection: Mutex::new(connection),
        })
    }

    /// Runs `f` with read access.
    pub fn read<R>(&self, f: impl FnOnce(&Db<'_>) -> StoreResult<R>) -> StoreResult<R> {
        let connection = self.lock();

        f(&Db(&connection))
    }

    /// Runs `f` in a transaction: committed when `f` returns `Ok`, rolled back otherwise.
    pub fn write<R>(&self, f: impl FnOnce(&Db<'_>) -> StoreResult<R>) -> StoreResult<R> {
        let mut connection = self.lock();
        let transaction = connection.transaction()?;

        let result = f(&Db(&transaction))?;

        transaction.commit()?;
        Ok(result)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A handler that panicked mid-transaction has had its transaction rolled back on drop,
        // so the connection is still consistent and a poisoned lock can be taken over.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A connection (or transaction) with the sandbox's typed helpers.
pub struct Db<'a>(&'a Connection);

impl Db<'_> {
    /// The raw connection, for queries the helpers do not cover.
    pub fn connection(&self) -> &Connection {
        self.0
    }

    /// Empties every table (the caller seeds again).
    pub fn clear_all(&self) -> StoreResult<()> {
        for table in TABLES {
            self.0.execute(&format!("DELETE FROM {table}"), [])?;
        }
        Ok(())
    }

    /// Adds an account.
    pub fn insert_account(&self, account: &Account, at: &str) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO accounts (api_key, api_secret, name, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![account.api_key, account.api_secret, account.name, at],
        )?;
        Ok(())
    }

    /// The account with this API key.
    pub fn account(&self, api_key: &str) -> StoreResult<Option<Account>> {
        Ok(self
            .0
            .query_row(
                "SELECT api_key, api_secret, name FROM accounts WHERE api_key = ?1",
                [api_key],
                |row| {
                    Ok(Account {
                        api_key: row.get(0)?,
                        api_secret: row.get(1)?,
                        name: row.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Stores a new record. A key or reference number already used by the same kind and account
    /// is refused with [`StoreError::DuplicateKey`] / [`StoreError::DuplicateReference`].
    pub fn insert_record(&self, record: &Record) -> StoreResult<()> {
        if let Some(reference_no) = &record.reference_no {
            if self
                .record_by_reference(&record.kind, &record.account, reference_no)?
                .is_some()
            {
                return Err(StoreError::DuplicateReference {
                    kind: record.kind.clone(),
                    reference_no: reference_no.clone(),
                });
            }
        }
        if self
            .record(&record.kind, &record.account, &record.key)?
            .is_some()
        {
            return Err(StoreError::DuplicateKey {
                kind: record.kind.clone(),
                key: record.key.clone(),
            });
        }

        self.0.execute(
            "INSERT INTO records (kind, key, account, status, reference_no, body, created_at,
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                record.kind,
                record.key,
                record.account,
                record.status,
                record.reference_no,
                serde_json::to_string(&record.body)?,
                record.created_at,
                record.updated_at
            ],
        )?;
        Ok(())
    }

    /// Replaces status, reference number, body and `updated_at` of an existing record; false
    /// when there is no such record.
    pub fn update_record(&self, record: &Record) -> StoreResult<bool> {
        let changed = self.0.execute(
            "UPDATE records SET status = ?4, reference_no = ?5, body = ?6, updated_at = ?7
             WHERE kind = ?1 AND account = ?2 AND key = ?3",
            params![
                record.kind,
                record.account,
                record.key,
                record.status,
                record.reference_no,
                serde_json::to_string(&record.body)?,
                record.updated_at
            ],
        )?;
        Ok(changed > 0)
    }

    /// One record by key.
    pub fn record(&self, kind: &str, account: &str, key: &str) -> StoreResult<Option<Record>> {
        self.0
            .query_row(
                "SELECT kind, key, account, status, reference_no, body, created_at, updated_at
                 FROM records WHERE kind = ?1 AND account = ?2 AND key = ?3",
                params![kind, account, key],
                read_record,
            )
            .optional()?
            .map(finish_record)
            .transpose()
    }

    /// One record by reference number.
    pub fn record_by_reference(
        &self,
        kind: &str,
        account: &str,
        reference_no: &str,
    ) -> StoreResult<Option<Record>> {
        self.0
            .query_row(
                "SELECT kind, key, account, status, reference_no, body, created_at, updated_at
                 FROM records WHERE kind = ?1 AND account = ?2 AND reference_no = ?3",
                params![kind, account, reference_no],
                read_record,
            )
            .optional()?
            .map(finish_record)
            .transpose()
    }

    /// Every record of a kind and account, oldest first (filter them in Rust: the sandbox holds
    /// hundreds of rows, not millions).
    pub fn records(&self, kind: &str, account: &str) -> StoreResult<Vec<Record>> {
        let mut statement = self.0.prepare_cached(
            "SELECT kind, key, account, status, reference_no, body, created_at, updated_at
             FROM records WHERE kind = ?1 AND account = ?2 ORDER BY id",
        )?;
        let rows = statement.query_map(params![kind, account], read_record)?;

        rows.map(|row| finish_record(row?)).collect()
    }

    /// Record counts per kind and status, for the stats page.
    pub fn record_counts(&self) -> StoreResult<Vec<(String, i64, u64)>> {
        let mut statement = self.0.prepare(
            "SELECT kind, status, COUNT(*) FROM records GROUP BY kind, status ORDER BY kind, status",
        )?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;

        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The next number of a named sequence, starting at 1 (for order numbers).
    pub fn next_number(&self, sequence: &str) -> StoreResult<u64> {
        self.0.execute(
            "INSERT INTO sequences (name, value) VALUES (?1, 1)
             ON CONFLICT (name) DO UPDATE SET value = value + 1",
            [sequence],
        )?;

        Ok(self.0.query_row(
            "SELECT value FROM sequences WHERE name = ?1",
            [sequence],
            |row| row.get(0),
        )?)
    }

    /// A stored setting.
    pub fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Stores a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Every record of a kind over all accounts, oldest first (for clock hooks, which move the
    /// orders of every account along).
    pub fn records_of_kind(&self, kind: &str) -> StoreResult<Vec<Record>> {
        let mut statement = self.0.prepare_cached(
            "SELECT kind, key, account, status, reference_no, body, created_at, updated_at
             FROM records WHERE kind = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map(params![kind], read_record)?;

        rows.map(|row| finish_record(row?)).collect()
    }

    /// Moves one stock counter and writes the movement; returns the counter's new value.
    pub fn adjust_stock(&self, change: &StockChange<'_>) -> StoreResult<i64> {
        let balance = self.move_counter(change)?;

        self.0.execute(
            "INSERT INTO stock_movements (account, warehouse_code, product_sku, batch_no, order_no,
             biz_type, opt_type, opt_qty, balance_qty, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                change.account,
                change.warehouse_code,
                change.product_sku,
                change.batch_no,
                change.order_no,
                change.biz_type,
                if change.delta >= 0 { 1 } else { -1 },
                change.delta.abs(),
                balance,
                change.at
            ],
        )?;
        Ok(balance)
    }

    /// Moves one stock counter without writing a movement (`biz_type`, `order_no` and
    /// `batch_no` are ignored); returns the counter's new value. For counters that are plans
    /// rather than stock, such as `asnQty` of reviewed inbound orders.
    pub fn move_counter(&self, change: &StockChange<'_>) -> StoreResult<i64> {
        let column = change.counter.column();

        self.0.execute(
            &format!(
                "INSERT INTO stock (account, warehouse_code, product_sku, {column}, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (account, warehouse_code, product_sku)
                 DO UPDATE SET {column} = {column} + excluded.{column},
                               updated_at = excluded.updated_at"
            ),
            params![
                change.account,
                change.warehouse_code,
                change.product_sku,
                change.delta,
                change.at
            ],
        )?;
        let balance: i64 = self.0.query_row(
            &format!(
                "SELECT {column} FROM stock
                 WHERE account = ?1 AND warehouse_code = ?2 AND product_sku = ?3"
            ),
            params![change.account, change.warehouse_code, change.product_sku],
            |row| row.get(0),
        )?;

        Ok(balance)
    }

    /// Every stock row of an account.
    pub fn stock_rows(&self, account: &str) -> StoreResult<Vec<StockRow>> {
        let mut statement = self.0.prepare(
            "SELECT account, warehouse_code, product_sku, sale_qty, lock_qty, bad_qty, asn_qty,
             out_qty, return_qty, good_return_qty, destroy_qty, updated_at FROM stock
             WHERE account = ?1
             ORDER BY warehouse_code, product_sku",
        )?;
        let rows = statement.query_map([account], |row| {
            Ok(StockRow {
                account: row.get(0)?,
                warehouse_code: row.get(1)?,
                product_sku: row.get(2)?,
                sale_qty: row.get(3)?,
                lock_qty: row.get(4)?,
                bad_qty: row.get(5)?,
                asn_qty: row.get(6)?,
                out_qty: row.get(7)?,
                return_qty: row.get(8)?,
                good_return_qty: row.get(9)?,
                destroy_qty: row.get(10)?,
                updated_at: row.get(11)?,
            })
        })?;

        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every stock movement of an account, oldest first.
    pub fn stock_movements(&self, account: &str) -> StoreResult<Vec<StockMovement>> {
        let mut statement = self.0.prepare(
            "SELECT warehouse_code, product_sku, batch_no, order_no, biz_type, opt_type, opt_qty,
             balance_qty, created_at FROM stock_movements WHERE account = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([account], |row| {
            Ok(StockMovement {
                warehouse_code: row.get(0)?,
                product_sku: row.get(1)?,
                batch_no: row.get(2)?,
                order_no: row.get(3)?,
                biz_type: row.get(4)?,
                opt_type: row.get(5)?,
                opt_qty: row.get(6)?,
                balance_qty: row.get(7)?,
                created_at: row.get(8)?,
            })
        })?;

        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores an attachment of a record and returns its id.
    pub fn insert_attachment(
        &self,
        account: &str,
        owner: (&str, &str),
        attachment: &StoredAttachment,
        at: &str,
    ) -> StoreResult<i64> {
        self.0.execute(
            "INSERT INTO attachments (account, owner_kind, owner_key, attachment_type, file_name,
             file_type, bytes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                account,
                owner.0,
                owner.1,
                attachment.attachment_type,
                attachment.file_name,
                attachment.file_type,
                attachment.bytes,
                at
            ],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    /// The attachments of a record, oldest first.
    pub fn attachments(
        &self,
        account: &str,
        owner: (&str, &str),
    ) -> StoreResult<Vec<StoredAttachment>> {
        let mut statement = self.0.prepare(
            "SELECT id, attachment_type, file_name, file_type, bytes FROM attachments
             WHERE account = ?1 AND owner_kind = ?2 AND owner_key = ?3 ORDER BY id",
        )?;
        let rows = statement.query_map(params![account, owner.0, owner.1], |row| {
            Ok(StoredAttachment {
                id: row.get(0)?,
                attachment_type: row.get(1)?,
                file_name: row.get(2)?,
                file_type: row.get(3)?,
                bytes: row.get(4)?,
            })
        })?;

        Ok(rows.collect::<Result<_, _>>()?)
    }
}

type RawRecord = (
    String,
    String,
    String,
    i64,
    Option<String>,
    String,
    String,
    String,
);

fn read_record(row: &Row<'_>) -> rusqlite::Result<RawRecord> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn finish_record(raw: RawRecord) -> StoreResult<Record> {
    let (kind, key, account, status, reference_no, body, created_at, updated_at) = raw;

    Ok(Record {
        kind,
        key,
        account,
        status,
        reference_no,
        body: serde_json::from_str(&body)?,
        created_at,
        updated_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn order(key: &str, reference_no: &str) -> Record {
        Record {
            kind: "inbound_order".to_owned(),
            key: key.to_owned(),
            account: "acct".to_owned(),
            status: 1,
            reference_no: Some(reference_no.to_owned()),
            body: json!({"orderNo": key}),
            created_at: "2025-01-01 00:00:00".to_owned(),
            updated_at: "2025-01-01 00:00:00".to_owned(),
        }
    }

    #[test]
    fn a_reference_number_is_unique_per_kind_and_account() {
        let store = Store::open(None).expect("in-memory store opens");

        store
            .write(|db| db.insert_record(&order("ASN1", "REF-1")))
            .expect("first insert works");
        let second = store.write(|db| db.insert_record(&order("ASN2", "REF-1")));

        assert!(
            matches!(second, Err(StoreError::DuplicateReference { .. })),
            "a second order with REF-1 must be refused, got {second:?}"
        );
    }

    #[test]
    fn a_failed_write_rolls_back() {
        let store = Store::open(None).expect("in-memory store opens");

        let outcome = store.write(|db| {
            db.insert_record(&order("ASN1", "REF-1"))?;
            db.insert_record(&order("ASN1", "REF-2"))
        });
        let left = store
            .read(|db| db.records("inbound_order", "acct"))
            .unwrap();

        assert!(outcome.is_err(), "the duplicate key must fail the write");
        assert!(left.is_empty(), "the first insert must be rolled back too");
    }

    #[test]
    fn stock_changes_write_movements_with_balances() {
        let store = Store::open(None).expect("in-memory store opens");
        let change = |delta| StockChange {
            account: "acct",
            warehouse_code: "US-LAX-1",
            product_sku: "SKU-MUG-001",
            counter: StockCounter::Sale,
            delta,
            biz_type: 7,
            order_no: None,
            batch_no: None,
            at: "2025-01-01 00:00:00",
        };

        let balances = store
            .write(|db| Ok((db.adjust_stock(&change(10))?, db.adjust_stock(&change(-3))?)))
            .unwrap();
        let movements = store.read(|db| db.stock_movements("acct")).unwrap();

        assert_eq!(balances, (10, 7), "balances follow the counter");
        assert_eq!(movements.len(), 2, "one movement per change");
        assert_eq!((movements[1].opt_type, movements[1].opt_qty), (-1, 3));
    }
}
