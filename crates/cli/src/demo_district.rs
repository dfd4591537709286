//! `seed-demo --scale district`: the demo data plus a district's volume of volunteering —
//! 20,000 volunteers and 1,000,000 approved hour entries over this school year and the last,
//! with the dashboard's summaries built from them — for trying the dashboards and for
//! `just bench`. Deterministic (a fixed seed), written in bulk.

use chrono::{Days, Duration, NaiveDate, Utc};
use db::entities::{
    clearances as cl, hour_entries as h, volunteer_activity_years as ay, volunteer_minutes as vm,
    volunteer_schools as vs, volunteers as v,
};
use db::repo::volunteer_totals::{BY_ACTIVITY, BY_KIND, add_to_minutes};
use domain::hours::{HourSource, HourStatus};
use domain::volunteer::{ClearanceStatus, ClearanceType, Interest, VolunteerKind};
use domain::volunteer_metrics::month_of;
use domain::{ClearanceId, HourEntryId, Role, SchoolId, UserId, VolunteerId};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use std::collections::HashMap;
use uuid::Uuid;

use partnerhub_api::error::ApiResult;

/// Volunteers at district scale.
pub const VOLUNTEERS: usize = 20_000;
/// Hour entries at district scale.
pub const HOUR_ENTRIES: usize = 1_000_000;
const BATCH: usize = 1_000;

/// Adds the district-scale volume to a database that holds the demo data.
pub async fn seed(db: &DatabaseConnection, volunteers: usize, entries: usize) -> ApiResult<()> {
    let schools: Vec<SchoolId> = db::repo::schools::all_active(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    if schools.is_empty() {
        return Ok(());
    }
    let mut rng = fastrand::Rng::with_seed(2026);
    let today = Utc::now().date_naive();
    let year = db::repo::volunteer_totals::school_year(db).await?;
    let first_day = year.start(today) - Days::new(365);
    let span = (today - first_day).num_days().max(1) as u64;
    // One password for every generated login (hashed once): they are for load, not sign-in.
    let hash =
        partnerhub_api::auth::password::hash_async("district-scale-volunteer".into()).await?;
    let now = Utc::now();
    let system = UserId(Uuid::nil());

    let mut ids = Vec::with_capacity(volunteers);
    let mut home = Vec::with_capacity(volunteers);
    let mut kinds = Vec::with_capacity(volunteers);
    // Each volunteer keeps to one or two activities, as volunteers do.
    let mut activities = Vec::with_capacity(volunteers);
    for chunk in (0..volunteers).collect::<Vec<_>>().chunks(BATCH) {
        let txn = db::begin_write(db).await?;
        let mut users = vec![];
        let mut profiles = vec![];
        let mut links = vec![];
        let mut ledger = vec![];
        let mut roles = vec![];
        for i in chunk {
            let (uid, vid) = (UserId::new(), VolunteerId::new());
            let school = schools[rng.usize(..schools.len())];
            let kind = VolunteerKind::ALL[rng.usize(..VolunteerKind::ALL.len())];
            let created = now - Duration::days(rng.i64(0..(span as i64)));
            let cleared = rng.u8(..100) < 85;
            let until = today + Days::new(rng.u64(1..330));
            users.push(db::entities::users::ActiveModel {
                id: Set(uid),
                email: Set(format!("volunteer{i:05}@district.example")),
                display_name: Set(format!("Volunteer {i:05}")),
                role: Set(Role::Volunteer),
                password_hash: Set(hash.clone()),
                status: Set(domain::user::UserStatus::Active),
                password_change_required: Set(false),
                version: Set(1),
                created_at: Set(created),
                updated_at: Set(created),
            });
            let leader = kind == VolunteerKind::ParentGuardian && rng.u8(..100) < 10;
            if leader {
                roles.push(db::entities::parent_leader_roles::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    volunteer_id: Set(vid),
                    role: Set("PTA officer".into()),
                    started_on: Set(created.date_naive()),
                    ended_on: Set(None),
                    recorded_by: Set(None),
                    created_at: Set(created),
                });
            }
            profiles.push(v::ActiveModel {
                id: Set(vid),
                user_id: Set(uid),
                phone: Set(format!("704-555-{:04}", i % 10_000)),
                preferred_language: Set(if rng.u8(..100) < 30 { "es" } else { "en" }.into()),
                kind: Set(kind),
                organization_id: Set(None),
                parent_leader: Set(leader),
                parent_leader_role: Set(leader.then(|| "PTA officer".into())),
                availability: Set(String::new()),
                name_key: Set(format!("volunteer {i:05}")),
                cleared_until: Set(cleared.then_some(until)),
                badge_version: Set(0),
                ended_on: Set(None),
                end_reason: Set(None),
                ended_by: Set(None),
                version: Set(1),
                created_at: Set(created),
                updated_at: Set(created),
            });
            links.push(vs::ActiveModel {
                volunteer_id: Set(vid),
                school_id: Set(school),
            });
            ledger.push(cl::ActiveModel {
                id: Set(ClearanceId::new()),
                volunteer_id: Set(vid),
                kind: Set(ClearanceType::AnnualBackgroundCheck),
                status: Set(if cleared {
                    ClearanceStatus::Cleared
                } else {
                    ClearanceStatus::Pending
                }),
                cleared_on: Set(cleared.then(|| until - Days::new(365))),
                expires_on: Set(cleared.then_some(until)),
                reference: Set("DISTRICT-SCALE".into()),
                recorded_by: Set(None),
                recorded_at: Set(created),
            });
            ids.push(vid);
            home.push(school);
            kinds.push(kind);
            let first = Interest::ALL[rng.usize(..Interest::ALL.len())];
            activities.push(if rng.bool() {
                [first, Interest::ALL[rng.usize(..Interest::ALL.len())]]
            } else {
                [first, first]
            });
        }
        db::entities::users::Entity::insert_many(users)
            .exec_without_returning(&txn)
            .await?;
        v::Entity::insert_many(profiles)
            .exec_without_returning(&txn)
            .await?;
        if !roles.is_empty() {
            db::entities::parent_leader_roles::Entity::insert_many(roles)
                .exec_without_returning(&txn)
                .await?;
        }
        vs::Entity::insert_many(links)
            .exec_without_returning(&txn)
            .await?;
        cl::Entity::insert_many(ledger)
            .exec_without_returning(&txn)
            .await?;
        txn.commit().await?;
    }

    // The summaries, as approving every entry would have left them.
    type YearKey = (Uuid, Uuid, Interest, NaiveDate);
    let mut years: HashMap<YearKey, (NaiveDate, i64, i64)> = HashMap::new();
    let mut minutes_by: HashMap<(Uuid, NaiveDate, &'static str, &'static str), (i64, i64)> =
        HashMap::new();
    let mut written = 0;
    while written < entries {
        let n = BATCH.min(entries - written);
        let txn = db::begin_write(db).await?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let who = rng.usize(..ids.len());
            // Mostly at the volunteer's school, sometimes another.
            let school = if rng.u8(..100) < 90 {
                home[who]
            } else {
                schools[rng.usize(..schools.len())]
            };
            let activity = activities[who][rng.usize(..2)];
            let day = first_day + Days::new(rng.u64(0..span));
            let minutes = 15 * rng.i32(2..17);
            let month = month_of(day);
            let y = years
                .entry((ids[who].0, school.0, activity, year.start(day)))
                .or_insert((month, 0, 0));
            y.0 = y.0.min(month);
            y.1 += i64::from(minutes);
            y.2 += 1;
            for key in [
                (BY_ACTIVITY, activity.as_str()),
                (BY_KIND, kinds[who].as_str()),
            ] {
                let m = minutes_by
                    .entry((school.0, month, key.0, key.1))
                    .or_default();
                m.0 += i64::from(minutes);
                m.1 += 1;
            }
            rows.push(h::ActiveModel {
                id: Set(HourEntryId::new()),
                volunteer_id: Set(ids[who]),
                school_id: Set(school),
                opportunity_id: Set(None),
                activity: Set(activity),
                work_date: Set(day),
                minutes: Set(minutes),
                note: Set(String::new()),
                source: Set(HourSource::Logged),
                checked_in_at: Set(None),
                checked_out_at: Set(None),
                auto_checked_out: Set(false),
                status: Set(HourStatus::Approved),
                reason: Set(None),
                decided_by: Set(Some(system)),
                decided_at: Set(Some(now)),
                supersedes: Set(None),
                superseded_by: Set(None),
                created_by: Set(system),
                created_at: Set(now),
            });
        }
        h::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
        txn.commit().await?;
        written += n;
    }
    let years: Vec<_> = years.into_iter().collect();
    for chunk in years.chunks(BATCH) {
        let txn = db::begin_write(db).await?;
        ay::Entity::insert_many(chunk.iter().map(|((vid, sid, a, y), (first, min, n))| {
            ay::ActiveModel {
                volunteer_id: Set(*vid),
                school_id: Set(*sid),
                activity: Set(a.as_str().into()),
                year_start: Set(*y),
                first_month: Set(*first),
                minutes: Set(*min),
                entries: Set(*n),
            }
        }))
        .exec_without_returning(&txn)
        .await?;
        txn.commit().await?;
    }
    let minutes_by: Vec<_> = minutes_by.into_iter().collect();
    for chunk in minutes_by.chunks(BATCH) {
        let txn = db::begin_write(db).await?;
        // Added to what the demo's own approved hours already count.
        vm::Entity::insert_many(chunk.iter().map(|((sid, m, dim, key), (min, n))| {
            vm::ActiveModel {
                school_id: Set(*sid),
                month: Set(*m),
                dimension: Set((*dim).into()),
                group_key: Set((*key).into()),
                minutes: Set(*min),
                entries: Set(*n),
            }
        }))
        .on_conflict(add_to_minutes())
        .exec_without_returning(&txn)
        .await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Needs per school at district scale (ranks 1 to this).
pub const NEEDS_PER_SCHOOL: usize = 5;

/// The needs assessment at district scale: five needs for this school year at every active
/// school, three of them primary and asked for at about six schools in ten (the others have
/// two primary needs, or one withdrawn), for the coverage benchmark.
pub async fn seed_needs(db: &DatabaseConnection) -> ApiResult<usize> {
    use db::entities::school_needs as n;
    use domain::intake::SupportArea;
    use domain::needs::{AskUnit, HelpKind, NeedStatus};
    let schools = db::repo::schools::all_active(db).await?;
    let priorities = db::repo::needs::priorities(db).await?;
    if schools.is_empty() || priorities.is_empty() {
        return Ok(0);
    }
    let mut rng = fastrand::Rng::with_seed(2027);
    let year = {
        use chrono::Datelike;
        db::repo::volunteer_totals::school_year(db)
            .await?
            .start(Utc::now().date_naive())
            .year()
    };
    let now = Utc::now();
    let mut rows = Vec::new();
    for school in &schools {
        let short = rng.u8(0..10);
        for rank in 1..=NEEDS_PER_SCHOOL as i32 {
            // Three schools in ten lack their third primary need: it is ranked past them.
            let rank = if short < 3 && rank == 3 { 6 } else { rank };
            let status = match (short, rank) {
                (3, 2) => NeedStatus::Withdrawn,
                _ if rng.u8(0..4) == 0 => NeedStatus::Met,
                _ => NeedStatus::Open,
            };
            rows.push(n::ActiveModel {
                id: Set(domain::NeedId::new()),
                school_id: Set(school.id),
                school_year: Set(year),
                support_area: Set(SupportArea::ALL[rng.usize(0..SupportArea::ALL.len())]),
                priority_id: Set(priorities[rng.usize(0..priorities.len())].id),
                help_kind: Set(HelpKind::Time),
                description: Set(format!("Need {rank} of {}", school.name)),
                ask_unit: Set(AskUnit::VolunteerSlots),
                ask_quantity: Set(i64::from(rng.u8(1..30))),
                timeframe: Set("This school year".into()),
                rank: Set(rank),
                status: Set(status),
                status_reason: Set(None),
                visible_to_partners: Set(true),
                internal_notes: Set(String::new()),
                recorded_by: Set(UserId(Uuid::nil())),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            });
        }
    }
    let count = rows.len();
    let txn = db::begin_write(db).await?;
    for chunk in rows.chunks(BATCH) {
        n::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(count)
}

/// Up to 500 of the demo's organizations and every active school: what offers and donations
/// are spread over.
async fn partners_and_schools(
    db: &DatabaseConnection,
) -> ApiResult<(Vec<domain::OrganizationId>, Vec<domain::school::School>)> {
    use sea_orm::{EntityTrait, QuerySelect};
    let orgs = db::entities::organizations::Entity::find()
        .select_only()
        .column(db::entities::organizations::Column::Id)
        .limit(500)
        .into_tuple()
        .all(db)
        .await?;
    Ok((orgs, db::repo::schools::all_active(db).await?))
}

/// Offers at district scale.
pub const OFFERS: usize = 2_000;

/// Adds [`OFFERS`] partners' offers over the demo's organizations: support areas, kinds of
/// help and capacities at random (deterministic); four in ten reach the whole district, three
/// a region, two a few schools, one a level. Answers how many were written.
pub async fn seed_offers(db: &DatabaseConnection) -> ApiResult<usize> {
    use db::entities::offer_reach::{self as r, Reach};
    use db::entities::{offer_support_areas as a, offers as of};
    use domain::intake::SupportArea;
    use domain::needs::{AskUnit, HelpKind};
    use domain::offers::OfferStatus;
    use domain::school::SchoolLevel;
    use sea_orm::EntityTrait;
    let (orgs, schools) = partners_and_schools(db).await?;
    if orgs.is_empty() || schools.is_empty() {
        return Ok(0);
    }
    let mut regions: Vec<String> = schools.iter().map(|s| s.region.clone()).collect();
    regions.sort();
    regions.dedup();
    let mut rng = fastrand::Rng::with_seed(2028);
    let now = Utc::now();
    let (mut offers, mut areas, mut reach) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..OFFERS {
        let id = domain::OfferId::new();
        let kind = HelpKind::ALL[rng.usize(0..HelpKind::ALL.len())];
        let unit = match kind {
            HelpKind::Time => AskUnit::VolunteerSlots,
            HelpKind::Treasure => AskUnit::Dollars,
            HelpKind::Talent => AskUnit::Hours,
        };
        offers.push(of::ActiveModel {
            id: Set(id),
            organization_id: Set(orgs[i % orgs.len()]),
            help_kind: Set(kind),
            description: Set(format!("Offer {}", i + 1)),
            capacity_unit: Set(unit),
            capacity: Set(i64::from(rng.u16(1..200))),
            available_from: Set(None),
            available_until: Set(None),
            status: Set(if rng.u8(0..10) == 0 {
                OfferStatus::Paused
            } else {
                OfferStatus::Active
            }),
            status_reason: Set(None),
            created_by: Set(UserId(Uuid::nil())),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        });
        let first = rng.usize(0..SupportArea::ALL.len());
        for k in 0..rng.usize(1..3) {
            areas.push(a::ActiveModel {
                offer_id: Set(id),
                area: Set(SupportArea::ALL[(first + k) % SupportArea::ALL.len()]),
            });
        }
        let mut reach_of = |kind: Reach, value: String| {
            reach.push(r::ActiveModel {
                offer_id: Set(id),
                kind: Set(kind),
                value: Set(value),
            })
        };
        match rng.u8(0..10) {
            0..=3 => {}
            4..=6 => reach_of(Reach::Region, regions[rng.usize(0..regions.len())].clone()),
            7..=8 => {
                let start = rng.usize(0..schools.len());
                for k in 0..3 {
                    reach_of(
                        Reach::School,
                        schools[(start + k * 7) % schools.len()].id.0.to_string(),
                    );
                }
            }
            _ => reach_of(
                Reach::Level,
                SchoolLevel::ALL[rng.usize(0..SchoolLevel::ALL.len())]
                    .as_str()
                    .to_string(),
            ),
        }
    }
    let count = offers.len();
    let txn = db::begin_write(db).await?;
    for chunk in offers.chunks(BATCH) {
        of::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    for chunk in areas.chunks(BATCH) {
        a::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    for chunk in reach.chunks(BATCH) {
        r::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(count)
}

/// Donations at district scale: about a dozen a school a year, over three school years.
pub const DONATIONS: usize = 6_000;

/// Adds [`DONATIONS`] donations over the demo's organizations and schools (one in ten
/// district-wide, one in fifty voided), spread over the last three school years. Answers how
/// many were written.
pub async fn seed_donations(db: &DatabaseConnection) -> ApiResult<usize> {
    use chrono::Datelike;
    use db::entities::donations as d;
    use domain::donations::{DonationKind, DonationStatus};
    use domain::intake::SupportArea;
    use sea_orm::EntityTrait;
    let (orgs, schools) = partners_and_schools(db).await?;
    if orgs.is_empty() || schools.is_empty() {
        return Ok(0);
    }
    let year = db::repo::volunteer_totals::school_year(db).await?;
    let today = Utc::now().date_naive();
    let mut rng = fastrand::Rng::with_seed(2029);
    let now = Utc::now();
    let rows: Vec<d::ActiveModel> = (0..DONATIONS)
        .map(|i| {
            let day = today - chrono::Days::new(rng.u64(0..3 * 365));
            let kind = if rng.bool() {
                DonationKind::Cash
            } else {
                DonationKind::InKind
            };
            d::ActiveModel {
                id: Set(domain::DonationId::new()),
                organization_id: Set(orgs[i % orgs.len()]),
                school_id: Set(
                    (rng.u8(0..10) != 0).then(|| schools[rng.usize(0..schools.len())].id)
                ),
                received_on: Set(day),
                school_year: Set(year.start(day).year()),
                kind: Set(kind),
                value_usd: Set(i32::from(rng.u16(25..20_000))),
                description: Set(format!("Donation {}", i + 1)),
                support_area: Set(Some(SupportArea::ALL[rng.usize(0..SupportArea::ALL.len())])),
                need_id: Set(None),
                match_id: Set(None),
                application_id: Set(None),
                event: Set(String::new()),
                status: Set(if rng.u8(0..50) == 0 {
                    DonationStatus::Voided
                } else {
                    DonationStatus::Recorded
                }),
                status_reason: Set(None),
                recorded_by: Set(UserId(Uuid::nil())),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            }
        })
        .collect();
    let count = rows.len();
    let txn = db::begin_write(db).await?;
    for chunk in rows.chunks(BATCH) {
        d::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(count)
}
