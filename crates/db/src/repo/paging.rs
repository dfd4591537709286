//! Keyset paging, written once. A list orders by a key column and the id (the tie-breaker),
//! starts after the cursor of the previous page, and asks for one row more than the page so
//! that it knows whether another page follows. Repositories build their filters, then
//! [`Keyset::apply`]; they read the rows and cut them with [`Keyset::page`].

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{IntoCondition, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select, Value,
};

use super::cursor::Cursor;
use crate::{DbError, DbResult};

/// What the key column holds, to read it back from a cursor. (A list by id alone, ids being
/// time-ordered UUIDv7, has no key column: [`Keyset::newest_first`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A text column (an email, a name, a code).
    Text,
    /// A timestamp column, carried in the cursor as RFC 3339.
    Time,
}

/// The order of a list: key column (if any), then id, both ascending or both descending.
#[derive(Debug, Clone, Copy)]
pub struct Keyset<C> {
    key: Option<(C, Key)>,
    id: C,
    descending: bool,
}

impl<C: ColumnTrait> Keyset<C> {
    /// By id alone, newest first.
    pub const fn newest_first(id: C) -> Self {
        Keyset {
            key: None,
            id,
            descending: true,
        }
    }

    /// By `column` (holding `key`), then id; ascending unless `descending`.
    pub const fn by(column: C, key: Key, id: C, descending: bool) -> Self {
        Keyset {
            key: Some((column, key)),
            id,
            descending,
        }
    }

    /// The cursor's key as a value of the key column; a cursor from another list is refused.
    fn key_value(kind: Key, c: &Cursor) -> DbResult<Value> {
        match kind {
            Key::Text => Ok(Value::from(c.key.clone())),
            Key::Time => DateTime::parse_from_rfc3339(&c.key)
                .map(|t| Value::from(t.with_timezone(&Utc)))
                .map_err(|_| DbError::ForeignCursor),
        }
    }

    fn past(&self, column: C, value: impl Into<Value>) -> SimpleExpr {
        if self.descending {
            column.lt(value)
        } else {
            column.gt(value)
        }
    }

    /// Orders `sel`, starts it after `after`, and limits it to `limit + 1` rows (`None`: every
    /// row, for exports).
    pub fn apply<E>(
        &self,
        mut sel: Select<E>,
        after: Option<&Cursor>,
        limit: Option<u64>,
    ) -> DbResult<Select<E>>
    where
        E: EntityTrait<Column = C>,
    {
        if let Some(c) = after {
            let cond = match self.key {
                None => self.past(self.id, c.id).into_condition(),
                Some((column, kind)) => {
                    let key = Self::key_value(kind, c)?;
                    Condition::any().add(self.past(column, key.clone())).add(
                        Condition::all()
                            .add(column.eq(key))
                            .add(self.past(self.id, c.id)),
                    )
                }
            };
            sel = sel.filter(cond);
        }
        let columns = self.key.map(|(c, _)| c).into_iter().chain([self.id]);
        for column in columns {
            sel = if self.descending {
                sel.order_by_desc(column)
            } else {
                sel.order_by_asc(column)
            };
        }
        Ok(match limit {
            Some(l) => sel.limit(l + 1),
            None => sel,
        })
    }

    /// Cuts the extra row: the page, and the cursor after its last row when another page
    /// follows. `cursor_of` gives a row's key (as the key column holds it) and id.
    pub fn page<T>(
        &self,
        mut rows: Vec<T>,
        limit: Option<u64>,
        cursor_of: impl Fn(&T) -> Cursor,
    ) -> (Vec<T>, Option<Cursor>) {
        let Some(limit) = limit.and_then(|l| usize::try_from(l).ok()) else {
            return (rows, None);
        };
        if rows.len() <= limit {
            return (rows, None);
        }
        rows.truncate(limit);
        let next = rows.last().map(cursor_of);
        (rows, next)
    }
}

/// The cursor of a row listed by id alone.
pub fn id_cursor(id: impl Into<uuid::Uuid>) -> Cursor {
    Cursor {
        key: String::new(),
        id: id.into(),
    }
}

/// The cursor of a row listed by a timestamp.
pub fn time_cursor(at: DateTime<Utc>, id: impl Into<uuid::Uuid>) -> Cursor {
    Cursor {
        key: at.to_rfc3339(),
        id: id.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::schools as s;
    use sea_orm::{DbBackend, QueryTrait};

    fn sql(sel: Select<s::Entity>) -> String {
        sel.build(DbBackend::Sqlite).to_string()
    }

    #[test]
    fn the_first_page_is_ordered_and_asks_one_row_more() {
        let k = Keyset::by(s::Column::Name, Key::Text, s::Column::Id, false);
        let q = sql(k.apply(s::Entity::find(), None, Some(50)).unwrap());
        assert!(
            q.ends_with(r#"ORDER BY "schools"."name" ASC, "schools"."id" ASC LIMIT 51"#),
            "{q}"
        );
    }

    #[test]
    fn a_later_page_starts_after_the_key_and_the_id() {
        let after = Cursor {
            key: "Oak".into(),
            id: uuid::Uuid::nil(),
        };
        let k = Keyset::by(s::Column::Name, Key::Text, s::Column::Id, false);
        let q = sql(k.apply(s::Entity::find(), Some(&after), Some(10)).unwrap());
        assert!(
            q.contains(
                r#""schools"."name" > 'Oak' OR ("schools"."name" = 'Oak' AND "schools"."id" > "#
            ),
            "{q}"
        );
        let newest = Keyset::newest_first(s::Column::Id);
        let q = sql(newest
            .apply(s::Entity::find(), Some(&after), Some(10))
            .unwrap());
        assert!(q.contains(r#""schools"."id" < "#), "{q}");
        assert!(
            q.contains(r#"ORDER BY "schools"."id" DESC LIMIT 11"#),
            "{q}"
        );
    }

    #[test]
    fn a_time_cursor_that_is_not_a_time_is_refused() {
        let k = Keyset::by(s::Column::CreatedAt, Key::Time, s::Column::Id, true);
        let bad = Cursor {
            key: "Oak".into(),
            id: uuid::Uuid::nil(),
        };
        assert!(matches!(
            k.apply(s::Entity::find(), Some(&bad), Some(10)),
            Err(DbError::ForeignCursor)
        ));
    }

    #[test]
    fn the_extra_row_is_cut_and_gives_the_next_cursor() {
        let k = Keyset::newest_first(s::Column::Id);
        let ids: Vec<uuid::Uuid> = (0..3).map(|_| uuid::Uuid::new_v4()).collect();
        let (page, next) = k.page(ids.clone(), Some(2), |id| id_cursor(*id));
        assert_eq!(page, ids[..2]);
        assert_eq!(next, Some(id_cursor(ids[1])));
        let (page, next) = k.page(ids.clone(), Some(3), |id| id_cursor(*id));
        assert_eq!((page.len(), next), (3, None));
        let (page, next) = k.page(ids, None, |id| id_cursor(*id));
        assert_eq!((page.len(), next), (3, None));
    }
}
