//! The donation ledger (treasure): what partners gave, cash or in kind, with its estimated
//! value, to which school and for what (a need, a proposed match the partner accepted, a
//! one-time event of the partnership process). A donation recorded in error is voided, never
//! deleted: it leaves the totals and keeps its history. Totals by partner, school, support area
//! and school year are folded here from the database's sums, as one pure function.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::intake::SupportArea;
use crate::user::InvalidTransition;
use crate::{ApplicationId, DonationId, MatchId, NeedId, OrganizationId, SchoolId, UserId};

/// The largest value one donation may record, in US dollars.
pub const MAX_VALUE_USD: u32 = 100_000_000;

wire_enum!(
    /// Cash, or goods and services given in kind.
    DonationKind {
        /// Money.
        Cash => "cash",
        /// Goods or services (books, backpacks, a catered event), at their estimated value.
        InKind => "in_kind",
    }
);

wire_enum!(
    /// Where a donation stands in the ledger.
    DonationStatus {
        /// Counted in the totals.
        Recorded => "recorded",
        /// Recorded in error: kept, but out of the totals.
        Voided => "voided",
    }
);

wire_enum!(
    /// What can happen to a donation.
    DonationAction {
        /// It was recorded in error (a reason is required).
        Void => "void",
        /// The void was itself a mistake: count it again.
        Restore => "restore",
    }
);

/// The one place that decides a donation's next status.
pub fn next_donation_status(
    from: DonationStatus,
    action: DonationAction,
) -> Result<DonationStatus, InvalidTransition> {
    use DonationAction as A;
    use DonationStatus as S;
    match (from, action) {
        (S::Recorded, A::Void) => Ok(S::Voided),
        (S::Voided, A::Restore) => Ok(S::Recorded),
        (from, action) => Err(InvalidTransition {
            from: from.as_str(),
            action: action.as_str(),
        }),
    }
}

wire_enum!(
    /// How the ledger's totals are grouped.
    DonationGrouping {
        /// By the partner who gave.
        Partner => "partner",
        /// By the school that received (district-wide gifts in one group).
        School => "school",
        /// By the support area it served (unassigned ones in one group).
        SupportArea => "support_area",
        /// By school year.
        SchoolYear => "school_year",
    }
);

/// A donation, as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Donation {
    /// Its id.
    pub id: DonationId,
    /// The partner who gave.
    pub organization_id: OrganizationId,
    /// Its legal name.
    pub organization_name: String,
    /// The school that received it (none: district-wide).
    pub school_id: Option<SchoolId>,
    /// Its name.
    pub school_name: Option<String>,
    /// The day it was received.
    pub received_on: NaiveDate,
    /// The school year that day falls in, by the year it starts (the office's school year).
    pub school_year: i32,
    /// As the office writes it ("2026-27").
    pub school_year_label: String,
    /// Cash or in kind.
    pub kind: DonationKind,
    /// Its (estimated, for in-kind gifts) value in whole US dollars.
    pub value_usd: u32,
    /// What was given.
    pub description: String,
    /// The support area it served, if known.
    pub support_area: Option<SupportArea>,
    /// The need it met, if any.
    pub need_id: Option<NeedId>,
    /// The accepted match it fulfils, if any.
    pub match_id: Option<MatchId>,
    /// The partnership application of the one-time event it was given at, if any.
    pub application_id: Option<ApplicationId>,
    /// The event's name, if it was given at one.
    pub event: String,
    /// Counted, or voided.
    pub status: DonationStatus,
    /// Why it was last voided or restored.
    pub status_reason: Option<String>,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// Their name.
    pub recorded_by_name: String,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/donations`: record a donation. Given a match, its partner, school, need and
/// support area are the match's; given a need, its school and support area are the need's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"organization_id": "0193f5a0-0000-7000-8000-000000000001", "school_id": null, "received_on": "2026-11-20", "kind": "in_kind", "value_usd": 2400, "description": "120 backpacks with school supplies", "support_area": "school_life", "need_id": null, "match_id": null, "application_id": null, "event": "Back-to-school drive"})))]
pub struct DonationInput {
    /// The partner who gave (may be left out when a match or an application names it).
    pub organization_id: Option<OrganizationId>,
    /// The school that received it (none: district-wide).
    pub school_id: Option<SchoolId>,
    /// The day it was received (not after today).
    pub received_on: NaiveDate,
    /// Cash or in kind.
    pub kind: DonationKind,
    /// Its value in whole US dollars (estimated for in-kind gifts), 1 to 100,000,000.
    #[validate(range(
        min = 1,
        max = 100_000_000,
        message = "Enter 1 to 100,000,000 dollars."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100_000_000))]
    pub value_usd: u32,
    /// What was given (1 to 500 characters).
    #[validate(length(
        min = 1,
        max = 500,
        message = "Say what was given, in at most 500 characters."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub description: String,
    /// The support area it served.
    pub support_area: Option<SupportArea>,
    /// The need it met.
    pub need_id: Option<NeedId>,
    /// The accepted match it fulfils.
    pub match_id: Option<MatchId>,
    /// The approved partnership application of the one-time event it was given at.
    pub application_id: Option<ApplicationId>,
    /// The event's name (up to 200 characters; default: the application's program).
    #[serde(default)]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub event: String,
}

impl DonationInput {
    /// The input with its text trimmed; the service validates what it stores.
    pub fn normalized(mut self) -> Self {
        self.description = self.description.trim().to_string();
        self.event = self.event.trim().to_string();
        self
    }
}

/// `POST /api/v1/donations/{id}/transition`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"action": "void", "reason": "Entered twice: see the donation of Nov 20."})))]
pub struct DonationTransition {
    /// What happens.
    pub action: DonationAction,
    /// Why (1 to 500 characters: the ledger keeps the reason of every void).
    #[validate(length(min = 1, max = 500, message = "Say why, in at most 500 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub reason: String,
}

/// Filters of `GET /api/v1/donations` and of its CSV export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct DonationQuery {
    /// Only this partner's.
    pub organization_id: Option<OrganizationId>,
    /// Only this school's.
    pub school_id: Option<SchoolId>,
    /// Only this school year's (by the year it starts), 2000–2100.
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub school_year: Option<i32>,
    /// Only cash, or only in-kind gifts.
    pub kind: Option<DonationKind>,
    /// Only this status (default: both).
    pub status: Option<DonationStatus>,
    /// Only those of this need.
    pub need_id: Option<NeedId>,
    /// Only those of this match.
    pub match_id: Option<MatchId>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Filters of `GET /api/v1/donations/totals`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct DonationTotalsQuery {
    /// How the totals are grouped.
    pub by: DonationGrouping,
    /// Only this school year (by the year it starts), 2000–2100; default: every year.
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub school_year: Option<i32>,
}

/// One sum of the ledger, as the database adds it up: recorded donations of one group and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonationSum {
    /// The group's key (an id, an area's code, a year; "" for none).
    pub key: String,
    /// Cash or in kind.
    pub kind: DonationKind,
    /// How many donations.
    pub count: u64,
    /// Their value in dollars.
    pub value_usd: u64,
}

/// One group of the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonationTotal {
    /// The group's key: the partner's or school's id, the support area's code, the school
    /// year; empty for district-wide gifts or an unassigned support area.
    pub key: String,
    /// What the office calls it.
    pub label: String,
    /// How many recorded donations.
    pub donations: u64,
    /// Their value in dollars.
    pub value_usd: u64,
    /// Of which cash.
    pub cash_usd: u64,
    /// Of which in kind.
    pub in_kind_usd: u64,
}

/// `GET /api/v1/donations/totals`: the recorded (not voided) donations, grouped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonationTotals {
    /// How they are grouped.
    pub by: DonationGrouping,
    /// The school year, if one was asked for.
    pub school_year: Option<i32>,
    /// Every group's donations.
    pub donations: u64,
    /// Every group's value in dollars.
    pub value_usd: u64,
    /// The groups, largest value first (ties by label); school years newest first.
    pub groups: Vec<DonationTotal>,
}

/// Folds the database's sums (one per group and kind) into the totals, naming each group
/// with `label`.
pub fn totals(
    by: DonationGrouping,
    school_year: Option<i32>,
    sums: Vec<DonationSum>,
    label: impl Fn(&str) -> String,
) -> DonationTotals {
    let mut groups: Vec<DonationTotal> = Vec::new();
    for s in sums {
        let i = match groups.iter().position(|g| g.key == s.key) {
            Some(i) => i,
            None => {
                groups.push(DonationTotal {
                    label: label(&s.key),
                    key: s.key.clone(),
                    donations: 0,
                    value_usd: 0,
                    cash_usd: 0,
                    in_kind_usd: 0,
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[i];
        g.donations += s.count;
        g.value_usd += s.value_usd;
        match s.kind {
            DonationKind::Cash => g.cash_usd += s.value_usd,
            DonationKind::InKind => g.in_kind_usd += s.value_usd,
        }
    }
    if by == DonationGrouping::SchoolYear {
        groups.sort_by(|a, b| b.key.cmp(&a.key));
    } else {
        groups.sort_by(|a, b| {
            b.value_usd
                .cmp(&a.value_usd)
                .then_with(|| a.label.cmp(&b.label))
        });
    }
    DonationTotals {
        by,
        school_year,
        donations: groups.iter().map(|g| g.donations).sum(),
        value_usd: groups.iter().map(|g| g.value_usd).sum(),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_donation_is_voided_with_a_reason_and_restored_never_deleted() {
        use DonationAction as A;
        use DonationStatus as S;
        let allowed = [
            (S::Recorded, A::Void, S::Voided),
            (S::Voided, A::Restore, S::Recorded),
        ];
        for from in S::ALL {
            for action in A::ALL {
                let want = allowed
                    .iter()
                    .find(|(f, a, _)| f == from && a == action)
                    .map(|(_, _, to)| *to);
                assert_eq!(
                    next_donation_status(*from, *action).ok(),
                    want,
                    "{from} {action}"
                );
            }
        }
    }

    fn sum(key: &str, kind: DonationKind, count: u64, value_usd: u64) -> DonationSum {
        DonationSum {
            key: key.into(),
            kind,
            count,
            value_usd,
        }
    }

    #[test]
    fn totals_add_cash_and_in_kind_per_group_largest_first() {
        use DonationKind::{Cash, InKind};
        let t = totals(
            DonationGrouping::Partner,
            Some(2026),
            vec![
                sum("a", Cash, 2, 500),
                sum("b", InKind, 1, 2400),
                sum("a", InKind, 3, 300),
                sum("c", Cash, 1, 800),
            ],
            |k| format!("Partner {k}"),
        );
        assert_eq!(t.donations, 7);
        assert_eq!(t.value_usd, 4000);
        let keys: Vec<&str> = t.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"], "a's 800 ties c's 800: by label");
        let a = &t.groups[1];
        assert_eq!(
            (a.donations, a.value_usd, a.cash_usd, a.in_kind_usd),
            (5, 800, 500, 300)
        );
        assert_eq!(a.label, "Partner a");
    }

    #[test]
    fn school_years_read_newest_first_and_nothing_is_an_empty_total() {
        let t = totals(
            DonationGrouping::SchoolYear,
            None,
            vec![
                sum("2024", DonationKind::Cash, 1, 9000),
                sum("2026", DonationKind::Cash, 1, 10),
                sum("2025", DonationKind::InKind, 1, 50),
            ],
            str::to_string,
        );
        let keys: Vec<&str> = t.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["2026", "2025", "2024"]);
        let none = totals(DonationGrouping::School, None, vec![], str::to_string);
        assert_eq!(
            (none.donations, none.value_usd, none.groups.len()),
            (0, 0, 0)
        );
    }
}
