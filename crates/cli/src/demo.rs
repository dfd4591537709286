//! The demo data set: about 180 schools with plausible names and one user per role.
//!
//! Demo passwords are documented in the README; never load this into production.

use chrono::NaiveDate;
use domain::Role;
use domain::application::{
    ApplicantContact, ApplicantOrganization, ApplicationForm, ProposedProgram,
};
use domain::intake::{
    ApplicationStatus, CommitmentLevel, ContributionKind, OrganizationStatus, OrganizationType,
    RoutingAnswers, SupportArea, TaxStatus,
};
use domain::organization::{ContactInput, ContactLogin, CreateOrganization, OrganizationInput};
use domain::school::{Designation, SchoolInput, SchoolLevel};
use domain::user::CreateUser;
use sea_orm::DatabaseConnection;

use partnerhub_api::error::ApiResult;
use partnerhub_api::services::{self, Actor};

/// A demo login.
pub struct DemoLogin {
    /// Role.
    pub role: Role,
    /// Email.
    pub email: &'static str,
    /// Password.
    pub password: &'static str,
}

/// The demo logins, one per role.
pub const DEMO_LOGINS: &[DemoLogin] = &[
    DemoLogin {
        role: Role::Admin,
        email: "admin@partnerhub.test",
        password: "demo-admin-password",
    },
    DemoLogin {
        role: Role::Staff,
        email: "staff@partnerhub.test",
        password: "demo-staff-password",
    },
    DemoLogin {
        role: Role::SchoolCoordinator,
        email: "coordinator@partnerhub.test",
        password: "demo-coordinator-password",
    },
    DemoLogin {
        role: Role::Partner,
        email: "partner@partnerhub.test",
        password: "demo-partner-password",
    },
    DemoLogin {
        role: Role::Volunteer,
        email: "volunteer@partnerhub.test",
        password: "demo-volunteer-password",
    },
];

const STEMS: &[&str] = &[
    "Ashley Park",
    "Billingsville",
    "Briarwood",
    "Cedar Grove",
    "Clear Creek",
    "Collinswood",
    "Cotswold",
    "Crown Point",
    "Druid Hills",
    "Eastover",
    "Elizabeth Lane",
    "Governors Village",
    "Grand Oak",
    "Greenway Park",
    "Hawk Ridge",
    "Hidden Valley",
    "Highland Creek",
    "Huntingtowne Farms",
    "Idlewild",
    "Irwin Avenue",
    "Lake Wylie",
    "Lansdowne",
    "Lebanon Road",
    "Long Creek",
    "Mallard Creek",
    "Marie G. Davis",
    "Matthews",
    "McAlpine",
    "McKee Road",
    "Merry Oaks",
    "Mint Hill",
    "Montclaire",
    "Mountain Island",
    "Myers Park",
    "Nathaniel Alexander",
    "Oakdale",
    "Oakhurst",
    "Olde Providence",
    "Palisades Park",
    "Park Road",
    "Paw Creek",
    "Pineville",
    "Piney Grove",
    "Polo Ridge",
    "Providence Spring",
    "Rama Road",
    "Reedy Creek",
    "River Gate",
    "Rocky River",
    "Sedgefield",
    "Selwyn",
    "Shamrock Gardens",
    "Sharon",
    "Smithfield",
    "Starmount",
    "Steele Creek",
    "Sterling",
    "Stoney Creek",
    "Sugar Creek",
    "Thomasboro",
    "Torrence Creek",
    "Tuckaseegee",
    "University Meadows",
    "Walter G. Byers",
    "Westerly Hills",
    "Whitewater",
    "Windsor Park",
    "Winding Springs",
    "Winget Park",
    "Berewick",
    "Blythe",
    "Bain",
    "Barnette",
    "Beverly Woods",
    "Bradley",
    "Chantilly",
    "Croft",
    "David Cox Road",
    "Devonshire",
    "Dilworth",
    "Endhaven",
    "First Ward",
    "Hickory Grove",
    "Hornets Nest",
    "J.H. Gunn",
    "Joseph W. Grier",
    "Lincoln Heights",
    "Nations Ford",
    "Newell",
    "Pinewood",
    "Ranson",
    "Renaissance West",
    "Statesville Road",
    "Trillium Springs",
    "Albemarle Road",
    "Allenbrook",
];

const REGIONS: &[&str] = &[
    "Central",
    "East",
    "North",
    "Northeast",
    "Northwest",
    "South",
    "Southeast",
    "Southwest",
    "West",
];

/// ~180 schools: every stem as an elementary school, and about half again as middle, high or K-8.
pub fn schools() -> Vec<SchoolInput> {
    let mut out = Vec::new();
    for (i, stem) in STEMS.iter().enumerate() {
        let region = REGIONS[i % REGIONS.len()];
        let mk = |suffix: &str, level: SchoolLevel, n: usize| SchoolInput {
            code: format!("{}{:03}", &suffix[..1], n),
            name: format!("{stem} {suffix}"),
            level,
            region: region.to_string(),
            title_i: i % 3 == 0,
            designation: match i % 11 {
                0 => Designation::Csi,
                4 | 7 => Designation::Tsi,
                _ => Designation::None,
            },
            address: format!(
                "{} {} Rd",
                100 + (i * 37) % 9000,
                stem.split(' ').next().unwrap_or(stem)
            ),
            city: if i % 7 == 0 {
                "Matthews".into()
            } else {
                "Charlotte".into()
            },
            postal_code: format!("282{:02}", 2 + (i * 7) % 90),
        };
        out.push(mk("Elementary", SchoolLevel::Elementary, i + 1));
        match i % 6 {
            0 | 3 => out.push(mk("Middle", SchoolLevel::Middle, i + 1)),
            1 | 5 => out.push(mk("High", SchoolLevel::High, i + 1)),
            4 => out.push(mk("K-8 Academy", SchoolLevel::K8, i + 1)),
            _ => {}
        }
    }
    out
}

/// What `seed-demo` found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The database was empty: the demo data is loaded.
    Loaded,
    /// The demo data was loaded before: nothing done.
    AlreadyDemo,
    /// The database holds real data (no demo admin): refused, nothing done.
    RealData,
}

/// Loads the demo data when the database has no schools and no users; otherwise does nothing,
/// and says whether what is there is the demo data or real data.
pub async fn seed(db: &DatabaseConnection) -> ApiResult<SeedOutcome> {
    if db::repo::schools::count(db).await? > 0 || db::repo::users::count(db).await? > 0 {
        let demo_admin = DEMO_LOGINS.iter().find(|l| l.role == Role::Admin);
        let is_demo = match demo_admin {
            Some(l) => db::repo::users::find_by_email(db, l.email).await?.is_some(),
            None => false,
        };
        return Ok(if is_demo {
            SeedOutcome::AlreadyDemo
        } else {
            SeedOutcome::RealData
        });
    }
    let actor = Actor::system();
    let mut first_school = None;
    for s in schools() {
        let school = services::schools::add(db, &actor, s).await?;
        first_school.get_or_insert(school.id);
    }
    let mut coordinator = None;
    for l in DEMO_LOGINS
        .iter()
        .filter(|l| !matches!(l.role, Role::Partner | Role::Volunteer))
    {
        let name = match l.role {
            Role::Admin => "Avery Admin",
            Role::Staff => "Sam Staff",
            Role::SchoolCoordinator => "Casey Coordinator",
            Role::Partner => "Pat Partner",
            Role::Volunteer => "Val Volunteer",
        };
        let user = services::users::create(
            db,
            &actor,
            CreateUser {
                email: l.email.into(),
                display_name: name.into(),
                role: l.role,
                school_ids: if l.role == Role::SchoolCoordinator {
                    first_school.into_iter().collect()
                } else {
                    vec![]
                },
                password: l.password.into(),
            },
        )
        .await?;
        if l.role == Role::SchoolCoordinator {
            coordinator = Some(user.id);
        }
    }
    let partner = DEMO_LOGINS
        .iter()
        .find(|l| l.role == Role::Partner)
        .ok_or_else(|| {
            partnerhub_api::error::ApiError::Internal(anyhow::anyhow!("no demo partner"))
        })?;
    let school = first_school.ok_or_else(|| {
        partnerhub_api::error::ApiError::Internal(anyhow::anyhow!("no demo school"))
    })?;
    partner_with_approved_application(db, &actor, partner, school).await?;
    agreement_history(db, school).await?;
    let coordinator = coordinator.ok_or_else(|| {
        partnerhub_api::error::ApiError::Internal(anyhow::anyhow!("no demo coordinator"))
    })?;
    volunteering(db, school, coordinator).await?;
    registered_twice(db, school).await?;
    Ok(SeedOutcome::Loaded)
}

/// One person registered twice (a home and a work email, the same phone written two ways), so
/// the office's duplicates page has something to merge.
async fn registered_twice(db: &DatabaseConnection, school: domain::SchoolId) -> ApiResult<()> {
    use domain::volunteer::{Interest, VolunteerKind, VolunteerRegistration};
    for (email, phone, interest) in [
        (
            "marisol.vega@example.org",
            "704-555-0177",
            Interest::Chaperone,
        ),
        (
            "mvega@work.example.org",
            "(704) 555 0177",
            Interest::CareerDay,
        ),
    ] {
        services::volunteers::register(
            db,
            "",
            0,
            VolunteerRegistration {
                name: "Marisol Vega".into(),
                email: email.into(),
                phone: phone.into(),
                password: "demo-duplicate-password".into(),
                preferred_language: "es".into(),
                kind: VolunteerKind::ParentGuardian,
                organization_id: None,
                school_ids: vec![school],
                interests: vec![interest],
                availability: String::new(),
                fax_number: String::new(),
            },
        )
        .await?;
    }
    Ok(())
}

/// The demo volunteer (registered and cleared) and a few upcoming opportunities at the
/// coordinator's school.
async fn volunteering(
    db: &DatabaseConnection,
    school: domain::SchoolId,
    coordinator: domain::UserId,
) -> ApiResult<()> {
    use domain::opportunity::OpportunityInput;
    use domain::volunteer::{
        ClearanceInput, ClearanceStatus, ClearanceType, Interest, VolunteerKind,
        VolunteerRegistration,
    };
    let login = DEMO_LOGINS
        .iter()
        .find(|l| l.role == Role::Volunteer)
        .ok_or_else(|| {
            partnerhub_api::error::ApiError::Internal(anyhow::anyhow!("no demo volunteer"))
        })?;
    let v = services::volunteers::register(
        db,
        "",
        0,
        VolunteerRegistration {
            name: "Val Volunteer".into(),
            email: login.email.into(),
            phone: "704-555-0142".into(),
            password: login.password.into(),
            preferred_language: "en".into(),
            kind: VolunteerKind::ParentGuardian,
            organization_id: None,
            school_ids: vec![school],
            interests: vec![Interest::ReadWithStudent, Interest::Tutor],
            availability: "Weekday mornings".into(),
            fax_number: String::new(),
        },
    )
    .await?;
    let today = chrono::Utc::now().date_naive();
    db::repo::volunteers::add_clearance(
        db,
        v.id,
        &ClearanceInput {
            kind: ClearanceType::AnnualBackgroundCheck,
            status: ClearanceStatus::Cleared,
            cleared_on: Some(today - chrono::Days::new(30)),
            expires_on: Some(today + chrono::Days::new(335)),
            reference: "DEMO-0001".into(),
        },
        None,
    )
    .await?;
    services::volunteers::keep_cleared_until(db, v.id).await?;
    // Some approved hours this school year, so the dashboard has something to show.
    let year = db::repo::volunteer_totals::school_year(db).await?;
    let start = year.start(today);
    for (i, (activity, minutes)) in [
        (Interest::ReadWithStudent, 90u32),
        (Interest::Tutor, 60),
        (Interest::ReadWithStudent, 120),
        (Interest::Chaperone, 240),
    ]
    .into_iter()
    .enumerate()
    {
        let day = (start + chrono::Days::new(40 + 21 * i as u64)).min(today);
        let row = db::repo::hours::insert(
            db,
            db::repo::hours::NewEntry {
                volunteer: v.id,
                school,
                opportunity: None,
                activity,
                work_date: day,
                minutes,
                note: "",
                source: domain::hours::HourSource::Logged,
                status: domain::hours::HourStatus::Approved,
                checked_in_at: None,
                reason: None,
                supersedes: None,
                by: v.user_id,
            },
        )
        .await?;
        db::repo::volunteer_totals::add_all(
            db,
            &[db::repo::volunteer_totals::Counted::of(&row)],
            year,
        )
        .await?;
    }
    // (title, activity, in how many days, slots, weekly for how many days, minimum age)
    let posts = [
        (
            "Reading buddies",
            Interest::ReadWithStudent,
            2u64,
            4u32,
            Some(70u64),
            None::<u8>,
        ),
        (
            "Math tutoring after school",
            Interest::Tutor,
            3,
            3,
            Some(56),
            None,
        ),
        (
            "Front office help",
            Interest::Clerical,
            1,
            2,
            Some(28),
            None,
        ),
        (
            "Career day speakers",
            Interest::CareerDay,
            14,
            8,
            None,
            None,
        ),
        (
            "Family night volunteers",
            Interest::OrganizeProgram,
            10,
            6,
            None,
            None,
        ),
        (
            "Field trip chaperones",
            Interest::Chaperone,
            21,
            5,
            None,
            Some(21),
        ),
    ];
    for (title, activity, in_days, slots, weeks_days, minimum_age) in posts {
        let day = today + chrono::Days::new(in_days);
        // 9 am Eastern.
        let starts_at = day.and_hms_opt(14, 0, 0).unwrap_or_default().and_utc();
        db::repo::opportunities::insert(
            db,
            coordinator,
            &OpportunityInput {
                title: title.into(),
                activity,
                school_id: school,
                starts_at,
                ends_at: starts_at + chrono::Duration::hours(2),
                repeats_weekly_until: weeks_days.map(|w| day + chrono::Days::new(w)),
                slots,
                clearance_required: true,
                minimum_age,
                description: "Check in at the front office; a staff member will meet you there."
                    .into(),
            },
        )
        .await?;
    }
    Ok(())
}

fn org_input(name: &str, city: &str) -> OrganizationInput {
    OrganizationInput {
        legal_name: name.into(),
        org_type: OrganizationType::Nonprofit,
        tax_status: TaxStatus::Nonprofit,
        ein: None,
        website: String::new(),
        address: String::new(),
        city: city.into(),
        postal_code: String::new(),
        description: "Demo partner".into(),
        support_areas: vec![SupportArea::Academics],
    }
}

/// The demo partner's organization, its contact with the partner login, and an approved
/// application ready to become an agreement.
async fn partner_with_approved_application(
    db: &DatabaseConnection,
    actor: &Actor,
    login: &DemoLogin,
    school: domain::SchoolId,
) -> ApiResult<()> {
    let org = services::organizations::add(
        db,
        actor,
        CreateOrganization {
            organization: org_input("Reading Buddies of Charlotte", "Charlotte"),
            confirm_not_duplicate: true,
        },
    )
    .await?;
    let contact = db::repo::organizations::add_contact(
        db,
        org.id,
        &ContactInput {
            name: "Pat Partner".into(),
            title: "Program director".into(),
            email: login.email.into(),
            phone: "704-555-0142".into(),
            is_primary: true,
        },
    )
    .await?;
    services::organizations::give_login(
        db,
        actor,
        org.id,
        contact.id,
        ContactLogin {
            password: login.password.into(),
        },
    )
    .await?;
    let form = ApplicationForm {
        organization: ApplicantOrganization {
            legal_name: org.legal_name.clone(),
            org_type: Some(OrganizationType::Nonprofit),
            tax_status: Some(TaxStatus::Nonprofit),
            city: "Charlotte".into(),
            ..Default::default()
        },
        contact: ApplicantContact {
            name: "Pat Partner".into(),
            email: login.email.into(),
            ..Default::default()
        },
        program: ProposedProgram {
            title: "Reading buddies".into(),
            description: "Volunteers read with K-2 students every week.".into(),
            support_areas: vec![SupportArea::Academics],
            contributions: vec![ContributionKind::Time],
            volunteers_expected: Some(12),
            commitment: Some(CommitmentLevel::Ongoing),
            frequency: "weekly".into(),
            school_ids: vec![school],
            ..Default::default()
        },
        routing: RoutingAnswers {
            free_for_participants: true,
            uses_facilities: true,
            contact_with_people: true,
            students_participate: true,
            ..Default::default()
        },
        language: "en".into(),
    };
    let row = db::repo::applications::insert_draft(
        db,
        format!("demo-{}", org.id),
        chrono::Utc::now(),
        &form,
    )
    .await?;
    let id = row.id;
    db::repo::applications::set_organization(db, id, org.id).await?;
    db::repo::applications::set_status(
        db,
        id,
        row.version,
        ApplicationStatus::Approved,
        None,
        true,
    )
    .await?;
    Ok(())
}

const NAME_A: &[&str] = &[
    "Queen City",
    "Carolina",
    "Mecklenburg",
    "Piedmont",
    "Catawba",
    "Uptown",
    "Southside",
    "Northlake",
    "Freedom Park",
    "Sugar Creek",
    "Steele Creek",
    "University City",
];
const NAME_B: &[&str] = &[
    "Tutors",
    "Mentors",
    "Arts Alliance",
    "STEM Club",
    "Food Pantry",
    "Youth League",
    "Reading Corps",
    "Health Partners",
    "Family Center",
    "Career Network",
    "Faith Outreach",
    "Rotary",
];

/// A year of agreements, dated so the active-MOU count grows from 102 to 154 between mid-2024
/// and mid-2025 (the district's goal), a few ended early, and three expiring within 90 days.
async fn agreement_history(db: &DatabaseConnection, school: domain::SchoolId) -> ApiResult<()> {
    use db::repo::agreements::{self as repo, NewHistory};
    use domain::agreement::{AgreementInput, AgreementKind, AgreementStatus as S};
    let txn = db::begin_write(db).await?;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let today = chrono::Utc::now().date_naive();
    for i in 0..158usize {
        let name = format!(
            "{} {} {}",
            NAME_A[i % NAME_A.len()],
            NAME_B[(i / NAME_A.len()) % NAME_B.len()],
            i + 1
        );
        let org = db::repo::organizations::create(&txn, &org_input(&name, "Charlotte")).await?;
        // 102 in force before July 2024, then 14 more each quarter to mid-2025.
        let starts = if i < 102 {
            day(2024, 5, 15)
        } else {
            let k = i - 102;
            day(2024, 7, 1) + chrono::Days::new((k as u64 * 365) / 56)
        };
        let expires = match i {
            150 => today + chrono::Days::new(20),
            151 => today + chrono::Days::new(45),
            152 => today + chrono::Days::new(80),
            _ => day(2027, 6, 30),
        };
        let input = AgreementInput {
            title: format!("{name} partnership agreement"),
            kind: AgreementKind::CommunityPartnership,
            organization_id: org.id,
            application_id: None,
            school_ids: vec![school],
            department: "Community Partnerships".into(),
            owner_id: None,
            partner_contact_id: None,
            effective_from: Some(starts),
            expires_on: Some(expires),
            renewal_term_months: Some(12),
            notice_period_days: Some(30),
            deliverables: vec![],
        };
        let row = repo::insert(&txn, &input, &name).await?;
        let id = row.id;
        let step = |action, to, on| NewHistory {
            actor: None,
            action,
            from: None,
            to: Some(to),
            note: None,
            effective_on: on,
        };
        repo::add_history(&txn, id, step("activate", S::Active, starts)).await?;
        // Four ended early, one per quarter.
        let ended = [10usize, 20, 30, 40]
            .iter()
            .position(|x| *x == i)
            .map(|q| day(2024, 8, 1) + chrono::Days::new(q as u64 * 91));
        let status = match ended {
            Some(on) => {
                repo::add_history(&txn, id, step("terminate", S::Terminated, on)).await?;
                S::Terminated
            }
            None => S::Active,
        };
        repo::set_status(&txn, id, row.version, status, None, None).await?;
        db::repo::organizations::set_status(
            &txn,
            org.id,
            if status == S::Active {
                OrganizationStatus::ActivePartner
            } else {
                OrganizationStatus::Inactive
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use validator::Validate;

    #[test]
    fn demo_schools_are_about_180_valid_and_unique() {
        let s = schools();
        assert!((170..=200).contains(&s.len()), "{}", s.len());
        assert!(s.iter().all(|x| x.validate().is_ok()));
        assert_eq!(
            s.iter().map(|x| &x.code).collect::<HashSet<_>>().len(),
            s.len()
        );
    }
}
