//! Newtype identifiers, so a school id can never be passed where a user id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Uuid))]
        #[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        #[cfg(feature = "db")]
        impl sea_orm::TryFromU64 for $name {
            fn try_from_u64(_: u64) -> Result<Self, sea_orm::DbErr> {
                Err(sea_orm::DbErr::ConvertFromU64(stringify!($name)))
            }
        }

        impl $name {
            /// A new, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self {
                Self(u)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }
    };
}

id_type!(
    /// Identifies a school.
    SchoolId
);
id_type!(
    /// Identifies a user account.
    UserId
);
id_type!(
    /// Identifies a partner organization.
    OrganizationId
);
id_type!(
    /// Identifies a contact person of an organization.
    ContactId
);
id_type!(
    /// Identifies a partnership application.
    ApplicationId
);
id_type!(
    /// Identifies an agreement (MOU).
    AgreementId
);
id_type!(
    /// Identifies a deliverable of an agreement.
    DeliverableId
);
id_type!(
    /// Identifies a volunteer profile.
    VolunteerId
);
id_type!(
    /// Identifies a clearance record.
    ClearanceId
);
id_type!(
    /// Identifies a volunteer opportunity at a school.
    OpportunityId
);
id_type!(
    /// Identifies a volunteer's sign-up for an opportunity.
    SignupId
);
id_type!(
    /// Identifies an entry of volunteer hours.
    HourEntryId
);
id_type!(
    /// Identifies a school's need.
    NeedId
);
id_type!(
    /// Identifies a strategic-plan priority.
    PriorityId
);
id_type!(
    /// Identifies a partner's offer.
    OfferId
);
id_type!(
    /// Identifies a proposed match of a partner's offer to a school's need.
    MatchId
);
id_type!(
    /// Identifies a donation in the ledger.
    DonationId
);
