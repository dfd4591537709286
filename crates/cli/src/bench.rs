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

/// Times the needs-coverage endpoint's work (its two queries and the pure function) against
/// one raw GROUP BY over the needs, and prints medians and the ratio.
pub async fn coverage(db: &DatabaseConnection, runs: usize) -> anyhow::Result<()> {
    use domain::needs::{self, CoverageQuery};
    let year = partnerhub_api::services::needs::current_school_year(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let raw = format!(
        "SELECT school_id, COUNT(*) FROM school_needs WHERE school_year = {year} \
         AND rank <= {} AND status <> 'withdrawn' GROUP BY school_id",
        needs::PRIMARY_RANKS
    );
    let backend = db.get_database_backend();
    let run = || async {
        let schools = db::repo::needs::coverage(db, year, &CoverageQuery::default(), None).await?;
        anyhow::Ok(needs::coverage(year, schools, None))
    };
    let c = run().await?;
    println!(
        "needs coverage {}: {} of {} schools covered ({}%)",
        c.school_year_label, c.covered, c.schools, c.percent
    );
    let mut ours = vec![];
    let mut theirs = vec![];
    for _ in 0..runs {
        let t = Instant::now();
        run().await?;
        ours.push(t.elapsed());
        let t = Instant::now();
        db.query_all_raw(Statement::from_string(backend, raw.clone()))
            .await?;
        theirs.push(t.elapsed());
    }
    let (a, b) = (median(ours), median(theirs));
    println!("needs coverage endpoint: median {a:.1?} over {runs} runs");
    println!("raw GROUP BY over the needs: median {b:.1?} over {runs} runs");
    println!(
        "ratio coverage / raw: {:.3}",
        a.as_secs_f64() / b.as_secs_f64().max(1e-9)
    );
    Ok(())
}

/// The demo admin, signed in (what the office's calls run as).
async fn admin(db: &DatabaseConnection) -> anyhow::Result<partnerhub_api::auth::AuthUser> {
    let Some(admin) = db::repo::users::find_by_email(db, crate::demo::DEMO_LOGINS[0].email).await?
    else {
        anyhow::bail!("no demo admin: load the demo data with `seed-demo --scale district` first");
    };
    Ok(partnerhub_api::auth::AuthUser {
        id: admin.user.id,
        role: admin.user.role,
        volunteer_id: None,
        request_id: None,
        account: admin.user,
    })
}

/// Times the donation totals as the office reads them (by partner for this school year, by
/// school over every year) against one raw GROUP BY over the whole ledger, and prints the
/// medians and the ratio.
pub async fn donations(db: &DatabaseConnection, runs: usize) -> anyhow::Result<()> {
    use domain::donations::{DonationGrouping, DonationTotalsQuery};
    use partnerhub_api::services::donations;
    use sea_orm::{ConnectionTrait, Statement};
    let fail = |e: partnerhub_api::error::ApiError| anyhow::anyhow!("{e}");
    let auth = admin(db).await?;
    let year = partnerhub_api::services::needs::current_school_year(db)
        .await
        .map_err(fail)?;
    let by_partner = DonationTotalsQuery {
        by: DonationGrouping::Partner,
        school_year: Some(year),
    };
    let by_school = DonationTotalsQuery {
        by: DonationGrouping::School,
        school_year: None,
    };
    let raw = Statement::from_string(
        db.get_database_backend(),
        "SELECT organization_id, kind, COUNT(*), SUM(value_usd) FROM donations \
         WHERE status = 'recorded' GROUP BY organization_id, kind",
    );
    let (mut a, mut b, mut r) = (vec![], vec![], vec![]);
    let (mut groups, mut total) = (0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let p = donations::totals(db, &auth, &by_partner)
            .await
            .map_err(fail)?;
        a.push(t.elapsed());
        groups = p.groups.len();
        let t = Instant::now();
        total = donations::totals(db, &auth, &by_school)
            .await
            .map_err(fail)?
            .donations;
        b.push(t.elapsed());
        let t = Instant::now();
        db.query_all_raw(raw.clone()).await?;
        r.push(t.elapsed());
    }
    let (a, b, r) = (median(a), median(b), median(r));
    println!(
        "donation totals by partner, this school year ({groups} partners): median {a:.1?} over {runs} runs"
    );
    println!("donation totals by school, every year ({total} donations): median {b:.1?}");
    println!("raw GROUP BY over the whole ledger: median {r:.1?}");
    println!(
        "ratio totals by school / raw: {:.3}",
        b.as_secs_f64() / r.as_secs_f64().max(1e-9)
    );
    Ok(())
}

/// Times matching at district scale as the office uses it (signed in as the demo admin):
/// ranking the offers for one need, and the needs for one offer; prints the medians.
pub async fn matching(db: &DatabaseConnection, runs: usize) -> anyhow::Result<()> {
    use db::entities::{offers, school_needs};
    use domain::offers::{MatchQuery, OfferStatus};
    use partnerhub_api::services::matching;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let fail = |e: partnerhub_api::error::ApiError| anyhow::anyhow!("{e}");
    let auth = admin(db).await?;
    let year = partnerhub_api::services::needs::current_school_year(db)
        .await
        .map_err(fail)?;
    let (Some(need), Some(offer)) = (
        school_needs::Entity::find()
            .filter(school_needs::Column::SchoolYear.eq(year))
            .filter(school_needs::Column::Rank.eq(1))
            .one(db)
            .await?,
        offers::Entity::find()
            .filter(offers::Column::Status.eq(OfferStatus::Active))
            .one(db)
            .await?,
    ) else {
        anyhow::bail!("no needs or offers: load `seed-demo --scale district` first");
    };
    let q = MatchQuery::default();
    let candidates = offers::Entity::find()
        .filter(offers::Column::Status.eq(OfferStatus::Active))
        .all(db)
        .await?
        .len();
    let (mut for_need, mut for_offer) = (vec![], vec![]);
    let (mut got_offers, mut got_needs) = (0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        got_offers = matching::for_need(db, &auth, need.id, &q)
            .await
            .map_err(fail)?
            .len();
        for_need.push(t.elapsed());
        let t = Instant::now();
        got_needs = matching::for_offer(db, &auth, offer.id, &q)
            .await
            .map_err(fail)?
            .len();
        for_offer.push(t.elapsed());
    }
    println!(
        "matching: the best {got_offers} of {candidates} active offers for one need: median {:.1?} over {runs} runs",
        median(for_need)
    );
    println!(
        "matching: the best {got_needs} needs still asked for one offer: median {:.1?} over {runs} runs",
        median(for_offer)
    );
    Ok(())
}
