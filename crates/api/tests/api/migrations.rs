//! Migrations that reshape data, run on a database that already holds some: the volunteer
//! summaries (000010) are filled from the approved hour log, and taken back down.

use chrono::{NaiveDate, Utc};
use db::entities::{volunteer_activity_years as ay, volunteer_minutes as vm};
use migration::{Migrator, MigratorTrait};
use sea_orm::sea_query::{Alias, Query, SimpleExpr};
use sea_orm::{ConnectionTrait, EntityTrait, Statement};
use uuid::Uuid;

use crate::helpers::EmptyDatabase;

async fn insert(db: &impl ConnectionTrait, table: &str, row: Vec<(&str, SimpleExpr)>) {
    let (cols, vals): (Vec<_>, Vec<_>) = row.into_iter().unzip();
    let stmt = Query::insert()
        .into_table(Alias::new(table))
        .columns(cols.into_iter().map(Alias::new))
        .values_panic(vals)
        .to_owned();
    db.execute(&stmt).await.unwrap();
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[actix_web::test]
async fn the_volunteer_summaries_are_filled_from_the_approved_hour_log_and_taken_back_down() {
    let empty = EmptyDatabase::new().await;
    let db = &empty.db;
    Migrator::up(db, Some(9)).await.unwrap();
    let now = Utc::now();
    let (school, user, vol) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    insert(
        db,
        "schools",
        vec![
            ("id", school.into()),
            ("code", "E1".into()),
            ("name", "Mine Elementary".into()),
            ("search_key", "e1 mine elementary".into()),
            ("level", "elementary".into()),
            ("region", "Central".into()),
            ("title_i", true.into()),
            ("designation", "none".into()),
            ("address", "1 Main St".into()),
            ("city", "Charlotte".into()),
            ("postal_code", "28202".into()),
            ("status", "active".into()),
            ("version", 1.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
        ],
    )
    .await;
    insert(
        db,
        "users",
        vec![
            ("id", user.into()),
            ("email", "ana@example.org".into()),
            ("display_name", "Ana".into()),
            ("password_hash", "x".into()),
            ("role", "volunteer".into()),
            ("status", "active".into()),
            ("version", 1.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
        ],
    )
    .await;
    insert(
        db,
        "volunteers",
        vec![
            ("id", vol.into()),
            ("user_id", user.into()),
            ("phone", "704-555-0101".into()),
            ("preferred_language", "es".into()),
            ("kind", "parent_guardian".into()),
            ("organization_id", Option::<Uuid>::None.into()),
            ("parent_leader", false.into()),
            ("availability", "".into()),
            ("name_key", "ana".into()),
            ("cleared_until", Option::<NaiveDate>::None.into()),
            ("version", 1.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
        ],
    )
    .await;
    // (activity, day, minutes, status, superseded)
    let entries = [
        ("tutor", d(2026, 8, 10), 60, "approved", false),
        ("tutor", d(2026, 10, 5), 30, "approved", false),
        ("mentor", d(2026, 5, 2), 45, "approved", false), // last school year
        ("tutor", d(2026, 9, 1), 100, "pending", false),  // not counted
        ("tutor", d(2026, 7, 3), 500, "approved", true),  // corrected: not counted
    ];
    for (activity, day, minutes, status, superseded) in entries {
        insert(
            db,
            "hour_entries",
            vec![
                ("id", Uuid::now_v7().into()),
                ("volunteer_id", vol.into()),
                ("school_id", school.into()),
                ("opportunity_id", Option::<Uuid>::None.into()),
                ("activity", activity.into()),
                ("work_date", day.into()),
                ("minutes", minutes.into()),
                ("note", "".into()),
                ("source", "logged".into()),
                (
                    "checked_in_at",
                    Option::<chrono::DateTime<Utc>>::None.into(),
                ),
                (
                    "checked_out_at",
                    Option::<chrono::DateTime<Utc>>::None.into(),
                ),
                ("auto_checked_out", false.into()),
                ("status", status.into()),
                ("reason", Option::<String>::None.into()),
                ("decided_by", Option::<Uuid>::None.into()),
                ("decided_at", Option::<chrono::DateTime<Utc>>::None.into()),
                ("supersedes", Option::<Uuid>::None.into()),
                ("superseded_by", superseded.then(Uuid::now_v7).into()),
                ("created_by", user.into()),
                ("created_at", now.into()),
            ],
        )
        .await;
    }

    Migrator::up(db, None).await.unwrap();
    let mut years: Vec<(String, NaiveDate, NaiveDate, i64, i64)> = ay::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.activity,
                r.year_start,
                r.first_month,
                r.minutes,
                r.entries,
            )
        })
        .collect();
    years.sort();
    assert_eq!(
        years,
        [
            ("mentor".into(), d(2025, 7, 1), d(2026, 5, 1), 45, 1),
            ("tutor".into(), d(2026, 7, 1), d(2026, 8, 1), 90, 2),
        ]
    );
    let mut minutes: Vec<(String, String, NaiveDate, i64)> = vm::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.dimension, r.group_key, r.month, r.minutes))
        .collect();
    minutes.sort();
    assert_eq!(
        minutes,
        [
            ("activity".into(), "mentor".into(), d(2026, 5, 1), 45),
            ("activity".into(), "tutor".into(), d(2026, 8, 1), 60),
            ("activity".into(), "tutor".into(), d(2026, 10, 1), 30),
            ("kind".into(), "parent_guardian".into(), d(2026, 5, 1), 45),
            ("kind".into(), "parent_guardian".into(), d(2026, 8, 1), 60),
            ("kind".into(), "parent_guardian".into(), d(2026, 10, 1), 30),
        ]
    );

    // Down to 000009: the old summary comes back, filled the same way.
    let applied = Migrator::get_applied_migrations(db).await.unwrap().len() as u32;
    Migrator::down(db, Some(applied - 9)).await.unwrap();
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n, CAST(SUM(minutes) AS BIGINT) AS m FROM volunteer_hour_totals",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            row.try_get::<i64>("", "n").unwrap(),
            row.try_get::<i64>("", "m").unwrap()
        ),
        (3, 135)
    );
    Migrator::up(db, None).await.unwrap();
    assert_eq!(ay::Entity::find().all(db).await.unwrap().len(), 2);
}
