//! Lists are served from an index: the database's own plan for each list query must neither
//! read a growing table in full nor sort its rows in a temporary structure. SQLite answers
//! `EXPLAIN QUERY PLAN`; PostgreSQL `EXPLAIN` with sequential scans and sorts priced out, so that
//! an empty test table does not make either look cheaper than the index.

use db::repo::audience::Audience;
use db::repo::hours;
use db::repo::{
    agreements, applications, audit, opportunities, organizations, schools, users, volunteers,
};
use domain::agreement::{AgreementKind, AgreementQuery, AgreementStatus};
use domain::application::ApplicationQuery;
use domain::audit::AuditEntity;
use domain::hours::{HourQuery, HourStatus};
use domain::intake::{ApplicationStatus, OrganizationStatus, OrganizationType, SupportArea};
use domain::opportunity::OpportunityQuery;
use domain::organization::OrganizationQuery;
use domain::school::{SchoolQuery, SchoolSort};
use domain::user::{UserQuery, UserStatus};
use domain::volunteer::{Interest, VolunteerKind, VolunteerQuery};
use domain::{AgreementId, OpportunityId, OrganizationId, Role, UserId};
use domain::{SchoolId, VolunteerId};
use sea_orm::{ConnectionTrait, DbBackend, QueryTrait, Statement, TransactionTrait};

use crate::helpers::TestApp;

/// The plan's lines for a query, as the database prints them.
async fn plan(app: &TestApp, stmt: Statement) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let txn = app.db.begin().await.unwrap();
    let explain = match backend {
        DbBackend::Postgres => {
            // An empty test table makes a scan or a sort look cheaper than any index; priced
            // out, they remain only where no index can serve the filter or the order.
            txn.execute_unprepared("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
                .await
                .unwrap();
            "EXPLAIN"
        }
        _ => {
            // EXPLAIN does not run the statement, so nothing would notice that this pooled
            // connection's cached schema predates the last migration: a read does.
            txn.execute_unprepared("SELECT count(*) FROM sqlite_master")
                .await
                .unwrap();
            "EXPLAIN QUERY PLAN"
        }
    };
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!("{explain} {}", stmt.sql),
            stmt.values.map(|v| v.0).unwrap_or_default(),
        ))
        .await
        .unwrap();
    let column = if backend == DbBackend::Postgres {
        "QUERY PLAN"
    } else {
        "detail"
    };
    rows.iter()
        .map(|r| r.try_get::<String>("", column).unwrap())
        .collect()
}

/// Tables that stay small whatever the district does (a school list, settings, goals): a plan
/// may read them whole.
const SMALL: [&str; 3] = ["schools", "settings", "goals"];

/// What is wrong with a plan: a growing table read without an index, or a sort in a temporary
/// structure.
fn unindexed(lines: &[String]) -> Option<String> {
    for l in lines {
        let scanned = if let Some(rest) = l.trim_start().strip_prefix("SCAN ") {
            (!rest.contains("USING")).then(|| rest.split_whitespace().next().unwrap_or(""))
        } else {
            l.split("Seq Scan on ")
                .nth(1)
                .map(|r| r.split_whitespace().next().unwrap_or(""))
        };
        if let Some(table) = scanned.filter(|t| !SMALL.contains(t)) {
            return Some(format!("reads all of {table}"));
        }
    }
    lines
        .iter()
        .any(|l| {
            l.contains("TEMP B-TREE")
                || l.trim_start().starts_with("Sort")
                || l.contains("->  Sort")
        })
        .then(|| "sorts in a temporary structure".to_string())
}

/// Fails when the plan is not served by an index (see [`unindexed`]).
fn assert_indexed(what: &str, lines: &[String]) {
    if let Some(problem) = unindexed(lines) {
        panic!("{what}: {problem}:\n{}", lines.join("\n"));
    }
}

/// Asks the database for the plan of each query; fails with every query that is not served by
/// an index.
async fn assert_all_indexed<E: sea_orm::EntityTrait>(
    app: &TestApp,
    who: &str,
    cases: Vec<(&str, sea_orm::Select<E>)>,
) {
    let backend = app.db.get_database_backend();
    let mut failures = vec![];
    for (what, sel) in cases {
        let lines = plan(app, sel.build(backend)).await;
        if let Some(problem) = unindexed(&lines) {
            failures.push(format!(
                "{who}, {what}: {problem}:\n  {}",
                lines.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[actix_web::test]
async fn every_hour_list_order_comes_from_an_index() {
    let app = TestApp::spawn().await;
    let backend = app.db.get_database_backend();
    let school = SchoolId(uuid::Uuid::new_v4());
    let volunteer = VolunteerId(uuid::Uuid::new_v4());
    let cases = [
        (
            "staff's default list, newest first",
            HourQuery::default(),
            Audience::All,
        ),
        (
            "the review queue, oldest first",
            HourQuery {
                status: Some(HourStatus::Pending),
                ..Default::default()
            },
            Audience::All,
        ),
        (
            "one status, newest first",
            HourQuery {
                status: Some(HourStatus::Approved),
                ..Default::default()
            },
            Audience::All,
        ),
        (
            "a volunteer's own",
            HourQuery::default(),
            Audience::Volunteer(volunteer),
        ),
        (
            "a coordinator's review queue",
            HourQuery {
                status: Some(HourStatus::Pending),
                school_id: Some(school),
                ..Default::default()
            },
            Audience::Schools(vec![school]),
        ),
    ];
    for (what, q, scope) in cases {
        let stmt = hours::list_query(&q, &scope, 50, None)
            .unwrap()
            .build(backend);
        assert_indexed(what, &plan(&app, stmt).await);
    }
}

fn some_id() -> uuid::Uuid {
    uuid::Uuid::new_v4()
}

#[actix_web::test]
async fn every_volunteer_list_comes_from_an_index() {
    let app = TestApp::spawn().await;
    let school = SchoolId(some_id());
    let q = |school_id, kind| VolunteerQuery {
        school_id,
        kind,
        ..Default::default()
    };
    let cases = vec![
        ("staff's list", q(None, None), Audience::All),
        ("one school", q(Some(school), None), Audience::All),
        (
            "one kind",
            q(None, Some(VolunteerKind::ParentGuardian)),
            Audience::All,
        ),
        (
            "a coordinator's",
            q(None, None),
            Audience::Schools(vec![school]),
        ),
    ];
    let cases = cases
        .into_iter()
        .map(|(w, q, s)| (w, volunteers::list_query(&q, &s, 50, None).unwrap()))
        .collect();
    assert_all_indexed(&app, "volunteers", cases).await;
}

#[actix_web::test]
async fn every_directory_and_account_list_comes_from_an_index() {
    let app = TestApp::spawn().await;
    let o = |q: OrganizationQuery| {
        organizations::list_query(&q, &Audience::All, Some(50), None).unwrap()
    };
    let cases = vec![
        ("the directory", o(OrganizationQuery::default())),
        (
            "a search",
            o(OrganizationQuery {
                q: Some("lions".into()),
                ..Default::default()
            }),
        ),
        (
            "a type",
            o(OrganizationQuery {
                org_type: Some(OrganizationType::FaithBased),
                ..Default::default()
            }),
        ),
        (
            "a status",
            o(OrganizationQuery {
                status: Some(OrganizationStatus::Applicant),
                ..Default::default()
            }),
        ),
        (
            "a support area",
            o(OrganizationQuery {
                support_area: Some(SupportArea::Academics),
                ..Default::default()
            }),
        ),
        (
            "a school",
            o(OrganizationQuery {
                school_id: Some(SchoolId(some_id())),
                ..Default::default()
            }),
        ),
        (
            "a partner's own",
            organizations::list_query(
                &OrganizationQuery::default(),
                &Audience::Organization(OrganizationId(some_id())),
                Some(50),
                None,
            )
            .unwrap(),
        ),
        (
            "the export",
            organizations::list_query(&OrganizationQuery::default(), &Audience::All, None, None)
                .unwrap(),
        ),
    ];
    assert_all_indexed(&app, "organizations", cases).await;

    let u = |q: UserQuery| users::list_query(&q, 50, None).unwrap();
    let cases = vec![
        ("accounts", u(UserQuery::default())),
        (
            "a search",
            u(UserQuery {
                q: Some("ana".into()),
                ..Default::default()
            }),
        ),
        (
            "a role",
            u(UserQuery {
                role: Some(Role::Staff),
                ..Default::default()
            }),
        ),
        (
            "a status",
            u(UserQuery {
                status: Some(UserStatus::Active),
                ..Default::default()
            }),
        ),
    ];
    assert_all_indexed(&app, "users", cases).await;

    let s = |q: SchoolQuery| schools::list_query(&q, 50, None).unwrap();
    let cases = vec![
        ("schools by name", s(SchoolQuery::default())),
        (
            "schools by code",
            s(SchoolQuery {
                sort: Some(SchoolSort::Code),
                ..Default::default()
            }),
        ),
    ];
    assert_all_indexed(&app, "schools", cases).await;
}

#[actix_web::test]
async fn every_pipeline_and_agreement_list_comes_from_an_index() {
    let app = TestApp::spawn().await;
    let school = SchoolId(some_id());
    let org = OrganizationId(some_id());
    let owner = UserId(some_id());
    let today = chrono::Utc::now().date_naive();
    let visibilities = [
        ("staff", Audience::All),
        ("a coordinator", Audience::Schools(vec![school])),
        ("a partner", Audience::Organization(org)),
    ];
    for (who, v) in &visibilities {
        let a = |q: ApplicationQuery| applications::list_query(&q, v, 50, None).unwrap();
        let cases = vec![
            ("the pipeline", a(ApplicationQuery::default())),
            (
                "a status",
                a(ApplicationQuery {
                    status: Some(ApplicationStatus::Vetting),
                    ..Default::default()
                }),
            ),
            (
                "a support area",
                a(ApplicationQuery {
                    support_area: Some(SupportArea::Academics),
                    ..Default::default()
                }),
            ),
            (
                "a school",
                a(ApplicationQuery {
                    school_id: Some(school),
                    ..Default::default()
                }),
            ),
            (
                "an owner",
                a(ApplicationQuery {
                    owner_id: Some(owner),
                    ..Default::default()
                }),
            ),
            (
                "stuck in a status",
                a(ApplicationQuery {
                    min_days_in_status: Some(30),
                    ..Default::default()
                }),
            ),
            (
                "a search",
                a(ApplicationQuery {
                    q: Some("tutor".into()),
                    ..Default::default()
                }),
            ),
        ];
        assert_all_indexed(&app, &format!("applications seen by {who}"), cases).await;

        let g = |q: AgreementQuery| agreements::list_query(&q, v, today, 50, None).unwrap();
        let cases = vec![
            ("the register", g(AgreementQuery::default())),
            (
                "a status",
                g(AgreementQuery {
                    status: Some(AgreementStatus::Active),
                    ..Default::default()
                }),
            ),
            (
                "a kind",
                g(AgreementQuery {
                    kind: Some(AgreementKind::CommunityPartnership),
                    ..Default::default()
                }),
            ),
            (
                "a school",
                g(AgreementQuery {
                    school_id: Some(school),
                    ..Default::default()
                }),
            ),
            (
                "an owner",
                g(AgreementQuery {
                    owner_id: Some(owner),
                    ..Default::default()
                }),
            ),
            (
                "an organization",
                g(AgreementQuery {
                    organization_id: Some(org),
                    ..Default::default()
                }),
            ),
            (
                "a search",
                g(AgreementQuery {
                    q: Some("tutor".into()),
                    ..Default::default()
                }),
            ),
        ];
        assert_all_indexed(&app, &format!("agreements seen by {who}"), cases).await;

        // The one sort allowed: agreements in force that expire within the window come from
        // the (status, expires_on) index range and are then put newest first. They are at most
        // the agreements in force (the plan's goal is 154), never a growing history.
        let expiring = g(AgreementQuery {
            expiring_within_days: Some(90),
            ..Default::default()
        });
        let lines = plan(&app, expiring.build(app.db.get_database_backend())).await;
        if let Some(p) = unindexed(&lines).filter(|p| p.starts_with("reads all")) {
            panic!(
                "agreements seen by {who}, expiring soon: {p}:\n{}",
                lines.join("\n")
            );
        }
    }
    assert_all_indexed(
        &app,
        "an agreement",
        vec![(
            "its history",
            agreements::history_query(AgreementId(some_id())),
        )],
    )
    .await;
}

#[actix_web::test]
async fn every_opportunity_audit_and_outbox_list_comes_from_an_index() {
    let app = TestApp::spawn().await;
    let from = chrono::Utc::now();
    let o = |q: OpportunityQuery, l| opportunities::list_query(&q, from, l, 50, None).unwrap();
    let all = opportunities::Listing::All;
    let cases = vec![
        ("upcoming", o(OpportunityQuery::default(), all)),
        (
            "a school's",
            o(
                OpportunityQuery {
                    school_id: Some(SchoolId(some_id())),
                    ..Default::default()
                },
                all,
            ),
        ),
        (
            "an activity",
            o(
                OpportunityQuery {
                    activity: Some(Interest::Tutor),
                    ..Default::default()
                },
                all,
            ),
        ),
        (
            "with cancelled ones",
            o(
                OpportunityQuery {
                    include_cancelled: Some(true),
                    ..Default::default()
                },
                all,
            ),
        ),
        (
            "a volunteer's own",
            o(
                OpportunityQuery::default(),
                opportunities::Listing::SignedUpBy(VolunteerId(some_id())),
            ),
        ),
    ];
    assert_all_indexed(&app, "opportunities", cases).await;
    assert_all_indexed(
        &app,
        "an opportunity",
        vec![(
            "its sign-ups",
            opportunities::queue_query(OpportunityId(some_id())),
        )],
    )
    .await;

    let id = some_id().to_string();
    let cases = vec![
        (
            "one kind",
            audit::list_query(AuditEntity::Agreement, None, 100),
        ),
        (
            "one record",
            audit::list_query(AuditEntity::Volunteer, Some(&id), 100),
        ),
    ];
    assert_all_indexed(&app, "audit events", cases).await;
    assert_all_indexed(
        &app,
        "the outbox",
        vec![(
            "one address",
            applications::messages_query("someone@example.org"),
        )],
    )
    .await;
}

#[actix_web::test]
async fn every_needs_list_comes_from_an_index() {
    use db::repo::needs;
    use domain::needs::{NeedQuery, NeedStatus};
    let app = TestApp::spawn().await;
    let n = |q: NeedQuery, a: Audience| needs::list_query(&q, &a, 50, None).unwrap();
    let school = SchoolId(some_id());
    let cases = vec![
        ("every need", n(NeedQuery::default(), Audience::All)),
        (
            "a school's",
            n(
                NeedQuery {
                    school_id: Some(school),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "a school's for a year",
            n(
                NeedQuery {
                    school_id: Some(school),
                    school_year: Some(2026),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "a year's open ones",
            n(
                NeedQuery {
                    school_year: Some(2026),
                    status: Some(NeedStatus::Open),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "a coordinator's",
            n(NeedQuery::default(), Audience::Schools(vec![school])),
        ),
        (
            "a partner's",
            n(
                NeedQuery::default(),
                Audience::Organization(OrganizationId(some_id())),
            ),
        ),
    ];
    assert_all_indexed(&app, "needs", cases).await;
}

#[actix_web::test]
async fn every_offer_list_and_the_matching_reads_come_from_an_index() {
    use db::repo::{needs, offers};
    use domain::intake::SupportArea;
    use domain::needs::HelpKind;
    use domain::offers::{OfferQuery, OfferStatus};
    let app = TestApp::spawn().await;
    let o = |q: OfferQuery, a: Audience| offers::list_query(&q, &a, 50, None).unwrap();
    let org = OrganizationId(some_id());
    let cases = vec![
        ("every offer", o(OfferQuery::default(), Audience::All)),
        (
            "a partner's",
            o(OfferQuery::default(), Audience::Organization(org)),
        ),
        (
            "by status",
            o(
                OfferQuery {
                    status: Some(OfferStatus::Active),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "by support area",
            o(
                OfferQuery {
                    support_area: Some(SupportArea::Academics),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "candidates for a need",
            offers::candidates_query(SupportArea::Academics, HelpKind::Time),
        ),
    ];
    assert_all_indexed(&app, "offers", cases).await;
    let still_asked = vec![(
        "needs still asked in a year",
        needs::still_asked_query(2026, &Audience::All),
    )];
    assert_all_indexed(&app, "matching", still_asked).await;
}

#[actix_web::test]
async fn every_match_list_comes_from_an_index() {
    use db::repo::matches;
    use domain::matches::{MatchListQuery, MatchStatus};
    use domain::{NeedId, OfferId, SchoolId};
    let app = TestApp::spawn().await;
    let m = |q: MatchListQuery, a: Audience| matches::list_query(&q, &a, 50, None).unwrap();
    let cases = vec![
        ("every match", m(MatchListQuery::default(), Audience::All)),
        (
            "a partner's",
            m(
                MatchListQuery::default(),
                Audience::Organization(OrganizationId(some_id())),
            ),
        ),
        (
            "a coordinator's",
            m(
                MatchListQuery::default(),
                Audience::Schools(vec![SchoolId(some_id())]),
            ),
        ),
        (
            "a need's",
            m(
                MatchListQuery {
                    need_id: Some(NeedId(some_id())),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "an offer's",
            m(
                MatchListQuery {
                    offer_id: Some(OfferId(some_id())),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "by status",
            m(
                MatchListQuery {
                    status: Some(MatchStatus::Proposed),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
    ];
    assert_all_indexed(&app, "matches", cases).await;
}

#[actix_web::test]
async fn the_family_directory_reads_its_listings_from_an_index() {
    let app = TestApp::spawn().await;
    let cases = vec![("published listings", db::repo::directory::published_query())];
    assert_all_indexed(&app, "directory", cases).await;
}

#[actix_web::test]
async fn every_donation_list_comes_from_an_index() {
    use db::repo::donations;
    use domain::donations::DonationQuery;
    use domain::{MatchId, NeedId, SchoolId};
    let app = TestApp::spawn().await;
    let d = |q: DonationQuery, a: Audience| donations::list_query(&q, &a, 50, None).unwrap();
    let cases = vec![
        ("the ledger", d(DonationQuery::default(), Audience::All)),
        (
            "a partner's",
            d(
                DonationQuery::default(),
                Audience::Organization(OrganizationId(some_id())),
            ),
        ),
        (
            "a coordinator's",
            d(
                DonationQuery::default(),
                Audience::Schools(vec![SchoolId(some_id())]),
            ),
        ),
        (
            "a school year's",
            d(
                DonationQuery {
                    school_year: Some(2026),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "a need's",
            d(
                DonationQuery {
                    need_id: Some(NeedId(some_id())),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
        (
            "a match's",
            d(
                DonationQuery {
                    match_id: Some(MatchId(some_id())),
                    ..Default::default()
                },
                Audience::All,
            ),
        ),
    ];
    assert_all_indexed(&app, "donations", cases).await;
}
