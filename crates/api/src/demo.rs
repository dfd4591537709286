//! The demo data set: about 180 schools with plausible names and one user per role.
//!
//! Demo passwords are documented in the README; never load this into production.

use domain::Role;
use domain::school::{Designation, SchoolInput, SchoolLevel};
use domain::user::CreateUser;
use sea_orm::DatabaseConnection;

use crate::error::ApiResult;
use crate::services::{self, Actor};

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

/// Loads the demo data when the database has no schools and no users; otherwise does nothing.
/// Returns whether it loaded anything.
pub async fn seed(db: &DatabaseConnection) -> ApiResult<bool> {
    if db::repo::schools::count(db).await? > 0 || db::repo::users::count(db).await? > 0 {
        return Ok(false);
    }
    let actor = Actor::system();
    let mut first_school = None;
    for s in schools() {
        let school = services::schools::add(db, &actor, s).await?;
        first_school.get_or_insert(school.id);
    }
    for l in DEMO_LOGINS {
        let name = match l.role {
            Role::Admin => "Avery Admin",
            Role::Staff => "Sam Staff",
            Role::SchoolCoordinator => "Casey Coordinator",
            Role::Partner => "Pat Partner",
            Role::Volunteer => "Val Volunteer",
        };
        services::users::create(
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
    }
    Ok(true)
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
