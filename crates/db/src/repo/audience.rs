//! Who a list or a read is for: the one row-scope type. The services build it once per request
//! from the caller (`AuthUser::audience`); each repository turns it into its own condition.

use domain::{OrganizationId, SchoolId, VolunteerId};
use sea_orm::sea_query::Expr;
use sea_orm::{Condition, ExprTrait};

/// The rows a caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// Everything (office staff, admins, the system).
    All,
    /// What concerns these schools (a school coordinator).
    Schools(Vec<SchoolId>),
    /// What concerns this organization (a partner login).
    Organization(OrganizationId),
    /// What concerns this volunteer (a volunteer's own login).
    Volunteer(VolunteerId),
}

/// Matches no row: what an audience a table has no notion of sees.
pub fn nothing() -> Condition {
    Condition::all().add(Expr::val(1).eq(0))
}
