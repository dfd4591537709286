//! School needs (the needs assessment) and the strategic-plan priorities they align with
//! (data an admin edits, seeded with the 2024-29 plan's four goals and pillar priorities), and
//! the coverage goal: three primary needs at every school.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PlanPriorities {
    Table,
    Id,
    Code,
    Name,
    NameEs,
    Kind,
    Active,
    Position,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SchoolNeeds {
    Table,
    Id,
    SchoolId,
    SchoolYear,
    SupportArea,
    PriorityId,
    HelpKind,
    Description,
    AskUnit,
    AskQuantity,
    Timeframe,
    Rank,
    Status,
    StatusReason,
    VisibleToPartners,
    InternalNotes,
    RecordedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Schools {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
    Key,
    Baseline,
    Target,
    Deadline,
    CountedKinds,
    Version,
    UpdatedAt,
}

/// The plan's four goals, then its pillar priorities: (code, English, Spanish, kind).
const SEED: &[(&str, &str, &str, &str)] = &[
    (
        "early_literacy_k2",
        "Early literacy (K-2)",
        "Lectoescritura temprana (K-2)",
        "goal",
    ),
    (
        "literacy_3_8",
        "Literacy (grades 3-8)",
        "Lectoescritura (grados 3-8)",
        "goal",
    ),
    ("mathematics", "Mathematics", "Matemáticas", "goal"),
    (
        "post_graduation_readiness",
        "Post-graduation readiness",
        "Preparación para después de la graduación",
        "goal",
    ),
    (
        "whole_child_well_being",
        "Whole-child well-being",
        "Bienestar integral del estudiante",
        "pillar",
    ),
    (
        "family_community_engagement",
        "Family and community engagement",
        "Participación de las familias y la comunidad",
        "pillar",
    ),
    (
        "safe_welcoming_schools",
        "Safe and welcoming schools",
        "Escuelas seguras y acogedoras",
        "pillar",
    ),
];

/// (index, columns): a school's needs newest first, a year's needs, coverage per school.
const INDEXES: &[(&str, &str)] = &[
    ("idx_school_needs_school_id", "school_id, id"),
    ("idx_school_needs_year_id", "school_year, id"),
    (
        "idx_school_needs_year_school",
        "school_year, school_id, rank",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PlanPriorities::Table)
                    .col(pk_uuid(PlanPriorities::Id))
                    .col(string_len(PlanPriorities::Code, 40).unique_key())
                    .col(string_len(PlanPriorities::Name, 160))
                    .col(string_len(PlanPriorities::NameEs, 160))
                    .col(string_len(PlanPriorities::Kind, 20))
                    .col(boolean(PlanPriorities::Active))
                    .col(integer(PlanPriorities::Position))
                    .col(integer(PlanPriorities::Version))
                    .col(timestamp_with_time_zone(PlanPriorities::CreatedAt))
                    .col(timestamp_with_time_zone(PlanPriorities::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        let now = chrono::Utc::now();
        for (position, (code, name, name_es, kind)) in SEED.iter().enumerate() {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(PlanPriorities::Table)
                        .columns([
                            PlanPriorities::Id,
                            PlanPriorities::Code,
                            PlanPriorities::Name,
                            PlanPriorities::NameEs,
                            PlanPriorities::Kind,
                            PlanPriorities::Active,
                            PlanPriorities::Position,
                            PlanPriorities::Version,
                            PlanPriorities::CreatedAt,
                            PlanPriorities::UpdatedAt,
                        ])
                        .values_panic([
                            uuid::Uuid::now_v7().into(),
                            (*code).into(),
                            (*name).into(),
                            (*name_es).into(),
                            (*kind).into(),
                            true.into(),
                            (position as i32 + 1).into(),
                            1.into(),
                            now.into(),
                            now.into(),
                        ])
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(SchoolNeeds::Table)
                    .col(pk_uuid(SchoolNeeds::Id))
                    .col(uuid(SchoolNeeds::SchoolId))
                    .col(integer(SchoolNeeds::SchoolYear))
                    .col(string_len(SchoolNeeds::SupportArea, 40))
                    .col(uuid(SchoolNeeds::PriorityId))
                    .col(string_len(SchoolNeeds::HelpKind, 20))
                    .col(text(SchoolNeeds::Description))
                    .col(string_len(SchoolNeeds::AskUnit, 20))
                    .col(big_integer(SchoolNeeds::AskQuantity))
                    .col(string_len(SchoolNeeds::Timeframe, 120))
                    .col(integer(SchoolNeeds::Rank))
                    .col(string_len(SchoolNeeds::Status, 20))
                    .col(text_null(SchoolNeeds::StatusReason))
                    .col(boolean(SchoolNeeds::VisibleToPartners))
                    .col(text(SchoolNeeds::InternalNotes))
                    .col(uuid(SchoolNeeds::RecordedBy))
                    .col(integer(SchoolNeeds::Version))
                    .col(timestamp_with_time_zone(SchoolNeeds::CreatedAt))
                    .col(timestamp_with_time_zone(SchoolNeeds::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_school_needs_school")
                            .from(SchoolNeeds::Table, SchoolNeeds::SchoolId)
                            .to(Schools::Table, Schools::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_school_needs_priority")
                            .from(SchoolNeeds::Table, SchoolNeeds::PriorityId)
                            .to(PlanPriorities::Table, PlanPriorities::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for (name, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS {name} ON school_needs ({columns})"
            ))
            .await?;
        }
        // Each rank once per school and year among the needs still asked for (a partial
        // index: the same statement on SQLite and PostgreSQL).
        db.execute_unprepared(
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_school_needs_rank \
             ON school_needs (school_id, school_year, rank) WHERE status <> 'withdrawn'",
        )
        .await?;
        // The plan: three primary needs at 100% of schools by December 2024.
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Goals::Table)
                    .columns([
                        Goals::Key,
                        Goals::Baseline,
                        Goals::Target,
                        Goals::Deadline,
                        Goals::CountedKinds,
                        Goals::Version,
                        Goals::UpdatedAt,
                    ])
                    .values_panic([
                        "needs_coverage".into(),
                        0_i64.into(),
                        100_i64.into(),
                        chrono::NaiveDate::from_ymd_opt(2024, 12, 31).into(),
                        "".into(),
                        1.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Goals::Table)
                    .and_where(Expr::col(Goals::Key).eq("needs_coverage"))
                    .to_owned(),
            )
            .await?;
        for t in [
            SchoolNeeds::Table.into_iden(),
            PlanPriorities::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
