//! PartnerHub's domain: the types the server and the SPA share.
//!
//! Pure data and rules only: no I/O, no database, no HTTP. Builds for wasm32.
//! OpenAPI schemas are derived behind the `openapi` feature so the SPA stays lean.

/// The one way an enum is stored and sent: each variant's wire name is written once, and serde,
/// the OpenAPI schema, the database column (behind `db`), `as_str`, `parse` and `Display` all use it. Gives `ALL` in display order.
macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident => $s:tt),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text"))]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] #[cfg_attr(feature = "db", sea_orm(string_value = $s))] $v),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// The stored / wire name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            /// Parses a stored / wire name.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$v),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod agreement;
pub mod application;
pub mod audit;
pub mod auth;
pub mod directory;
pub mod donations;
pub mod hours;
pub mod ids;
pub mod import;
pub mod intake;
pub mod matches;
pub mod needs;
pub mod offers;
pub mod opportunity;
pub mod organization;
pub mod page;
pub mod problem;
pub mod role;
pub mod school;
pub mod user;
pub mod volunteer;
pub mod volunteer_metrics;

pub use ids::{
    AgreementId, ApplicationId, ClearanceId, ContactId, DeliverableId, DonationId, HourEntryId,
    MatchId, NeedId, OfferId, OpportunityId, OrganizationId, PriorityId, SchoolId, SignupId,
    UserId, VolunteerId,
};
pub use role::{Permission, Role};
