//! `partnerhub bench-dashboard`: the volunteer dashboard (read from the summaries) against a
//! raw GROUP BY over the hour log on the same database, as a ratio. Run by `just bench` on a
//! district-scale demo database; speed goals live here, never in timed tests.

use chrono::Utc;
use domain::volunteer_metrics::VolunteerGrouping;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::time::{Duration, Instant};

use partnerhub_api::services::volunteer_metrics;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Times both and prints medians and the ratio.
pub async fn dashboard(
    db: &DatabaseConnection,
    runs: usize,
    hourly_cents: i64,
) -> anyhow::Result<()> {
    let as_of = Utc::now().date_naive();
    let start = db::repo::volunteer_totals::school_year(db)
        .await?
        .start(as_of);
    let raw = format!(
        "SELECT school_id, COUNT(DISTINCT volunteer_id), SUM(minutes) FROM hour_entries \
         WHERE status = 'approved' AND superseded_by IS NULL \
         AND work_date >= '{start}' AND work_date <= '{as_of}' GROUP BY school_id"
    );
    let backend = db.get_database_backend();
    let entries = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM hour_entries",
        ))
        .await?
        .and_then(|r| r.try_get::<i64>("", "n").ok())
        .unwrap_or(0);
    println!("hour entries in the database: {entries}");
    // Warm both once.
    let m = volunteer_metrics::compute(db, None, as_of, VolunteerGrouping::School, hourly_cents)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let groups = db
        .query_all_raw(Statement::from_string(backend, raw.clone()))
        .await?;
    println!(
        "dashboard: {} active, {} schools; raw GROUP BY: {} schools",
        m.active,
        m.groups.len(),
        groups.len()
    );
    let mut ours = vec![];
    let mut theirs = vec![];
    for _ in 0..runs {
        let t = Instant::now();
        volunteer_metrics::compute(db, None, as_of, VolunteerGrouping::School, hourly_cents)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        ours.push(t.elapsed());
        let t = Instant::now();
        db.query_all_raw(Statement::from_string(backend, raw.clone()))
            .await?;
        theirs.push(t.elapsed());
    }
    let (a, b) = (median(ours), median(theirs));
    println!("dashboard endpoint (summaries): median {a:.1?} over {runs} runs");
    println!("raw GROUP BY over the hour log: median {b:.1?} over {runs} runs");
    println!(
        "ratio dashboard / raw: {:.3} (below 1: the dashboard is cheaper)",
        a.as_secs_f64() / b.as_secs_f64().max(1e-9)
    );
    Ok(())
}
