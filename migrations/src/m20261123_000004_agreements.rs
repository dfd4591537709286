//! Agreements (MOUs): terms, collaborating schools, deliverables, dated status history,
//! signatures, document versions, renewal reminders; and the district's goals (data).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agreements {
    Table,
    Id,
    Title,
    Kind,
    Status,
    OrganizationId,
    ApplicationId,
    Department,
    OwnerId,
    PartnerContactId,
    EffectiveFrom,
    ExpiresOn,
    RenewalTermMonths,
    NoticePeriodDays,
    EndReason,
    FinalReport,
    SearchKey,
    StatusChangedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AgreementSchools {
    Table,
    AgreementId,
    SchoolId,
}

#[derive(DeriveIden)]
enum AgreementDeliverables {
    Table,
    Id,
    AgreementId,
    Position,
    Description,
    Responsible,
    Metric,
    Target,
    DueOn,
    Cadence,
    Status,
    Evidence,
}

#[derive(DeriveIden)]
enum AgreementHistory {
    Table,
    Id,
    AgreementId,
    At,
    EffectiveOn,
    ActorId,
    Action,
    FromStatus,
    ToStatus,
    Note,
}

#[derive(DeriveIden)]
enum AgreementSignatures {
    Table,
    AgreementId,
    Party,
    SignerName,
    SignerId,
    SignedAt,
    Ip,
}

#[derive(DeriveIden)]
enum AgreementDocuments {
    Table,
    AgreementId,
    Version,
    Filename,
    ContentType,
    SizeBytes,
    Sha256,
    StorageKey,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum AgreementReminders {
    Table,
    AgreementId,
    ThresholdDays,
    ExpiresOn,
    OwnerId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
    Key,
    Baseline,
    Target,
    Deadline,
    Version,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Schools {
    Table,
    Id,
}

fn child<T: IntoIden + 'static>(
    table: T,
    col: impl IntoIden + 'static,
    name: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(Agreements::Table, Agreements::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Agreements::Table)
                    .col(pk_uuid(Agreements::Id))
                    .col(string_len(Agreements::Title, 200))
                    .col(string_len(Agreements::Kind, 40))
                    .col(string_len(Agreements::Status, 32))
                    .col(uuid(Agreements::OrganizationId))
                    .col(uuid_null(Agreements::ApplicationId))
                    .col(string_len(Agreements::Department, 200))
                    .col(uuid_null(Agreements::OwnerId))
                    .col(uuid_null(Agreements::PartnerContactId))
                    .col(date_null(Agreements::EffectiveFrom))
                    .col(date_null(Agreements::ExpiresOn))
                    .col(integer_null(Agreements::RenewalTermMonths))
                    .col(integer_null(Agreements::NoticePeriodDays))
                    .col(text_null(Agreements::EndReason))
                    .col(text_null(Agreements::FinalReport))
                    .col(string_len(Agreements::SearchKey, 420))
                    .col(timestamp_with_time_zone(Agreements::StatusChangedAt))
                    .col(integer(Agreements::Version))
                    .col(timestamp_with_time_zone(Agreements::CreatedAt))
                    .col(timestamp_with_time_zone(Agreements::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_agreements_org")
                            .from(Agreements::Table, Agreements::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_agreements_status_expiry", Agreements::Status),
            ("idx_agreements_org", Agreements::OrganizationId),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(Agreements::Table).col(col);
            if name == "idx_agreements_status_expiry" {
                idx.col(Agreements::ExpiresOn);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(AgreementSchools::Table)
                    .col(uuid(AgreementSchools::AgreementId))
                    .col(uuid(AgreementSchools::SchoolId))
                    .primary_key(
                        Index::create()
                            .col(AgreementSchools::AgreementId)
                            .col(AgreementSchools::SchoolId),
                    )
                    .foreign_key(&mut child(
                        AgreementSchools::Table,
                        AgreementSchools::AgreementId,
                        "fk_agr_schools_agr",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_agr_schools_school")
                            .from(AgreementSchools::Table, AgreementSchools::SchoolId)
                            .to(Schools::Table, Schools::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgreementDeliverables::Table)
                    .col(pk_uuid(AgreementDeliverables::Id))
                    .col(uuid(AgreementDeliverables::AgreementId))
                    .col(integer(AgreementDeliverables::Position))
                    .col(text(AgreementDeliverables::Description))
                    .col(string_len(AgreementDeliverables::Responsible, 20))
                    .col(string_len(AgreementDeliverables::Metric, 200))
                    .col(string_len(AgreementDeliverables::Target, 200))
                    .col(date_null(AgreementDeliverables::DueOn))
                    .col(string_len(AgreementDeliverables::Cadence, 60))
                    .col(string_len(AgreementDeliverables::Status, 20))
                    .col(text(AgreementDeliverables::Evidence))
                    .foreign_key(&mut child(
                        AgreementDeliverables::Table,
                        AgreementDeliverables::AgreementId,
                        "fk_agr_deliverables_agr",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgreementHistory::Table)
                    .col(pk_uuid(AgreementHistory::Id))
                    .col(uuid(AgreementHistory::AgreementId))
                    .col(timestamp_with_time_zone(AgreementHistory::At))
                    .col(date(AgreementHistory::EffectiveOn))
                    .col(uuid_null(AgreementHistory::ActorId))
                    .col(string_len(AgreementHistory::Action, 40))
                    .col(string_len_null(AgreementHistory::FromStatus, 32))
                    .col(string_len_null(AgreementHistory::ToStatus, 32))
                    .col(text_null(AgreementHistory::Note))
                    .foreign_key(&mut child(
                        AgreementHistory::Table,
                        AgreementHistory::AgreementId,
                        "fk_agr_history_agr",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_agr_history_effective")
                    .table(AgreementHistory::Table)
                    .col(AgreementHistory::EffectiveOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgreementSignatures::Table)
                    .col(uuid(AgreementSignatures::AgreementId))
                    .col(string_len(AgreementSignatures::Party, 20))
                    .col(string_len(AgreementSignatures::SignerName, 120))
                    .col(uuid_null(AgreementSignatures::SignerId))
                    .col(timestamp_with_time_zone(AgreementSignatures::SignedAt))
                    .col(string_len(AgreementSignatures::Ip, 64))
                    .primary_key(
                        Index::create()
                            .col(AgreementSignatures::AgreementId)
                            .col(AgreementSignatures::Party),
                    )
                    .foreign_key(&mut child(
                        AgreementSignatures::Table,
                        AgreementSignatures::AgreementId,
                        "fk_agr_signatures_agr",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgreementDocuments::Table)
                    .col(uuid(AgreementDocuments::AgreementId))
                    .col(integer(AgreementDocuments::Version))
                    .col(string_len(AgreementDocuments::Filename, 200))
                    .col(string_len(AgreementDocuments::ContentType, 100))
                    .col(big_integer(AgreementDocuments::SizeBytes))
                    .col(string_len(AgreementDocuments::Sha256, 64))
                    .col(string_len(AgreementDocuments::StorageKey, 200))
                    .col(uuid_null(AgreementDocuments::UploadedBy))
                    .col(timestamp_with_time_zone(AgreementDocuments::UploadedAt))
                    .primary_key(
                        Index::create()
                            .col(AgreementDocuments::AgreementId)
                            .col(AgreementDocuments::Version),
                    )
                    .foreign_key(&mut child(
                        AgreementDocuments::Table,
                        AgreementDocuments::AgreementId,
                        "fk_agr_documents_agr",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgreementReminders::Table)
                    .col(uuid(AgreementReminders::AgreementId))
                    .col(integer(AgreementReminders::ThresholdDays))
                    .col(date(AgreementReminders::ExpiresOn))
                    .col(uuid_null(AgreementReminders::OwnerId))
                    .col(timestamp_with_time_zone(AgreementReminders::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(AgreementReminders::AgreementId)
                            .col(AgreementReminders::ThresholdDays)
                            .col(AgreementReminders::ExpiresOn),
                    )
                    .foreign_key(&mut child(
                        AgreementReminders::Table,
                        AgreementReminders::AgreementId,
                        "fk_agr_reminders_agr",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Goals::Table)
                    .col(string_len(Goals::Key, 40).primary_key())
                    .col(big_integer(Goals::Baseline))
                    .col(big_integer(Goals::Target))
                    .col(date(Goals::Deadline))
                    .col(integer(Goals::Version))
                    .col(uuid_null(Goals::UpdatedBy))
                    .col(timestamp_with_time_zone(Goals::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        // The district's goals for the 2024-25 school year; admins change them in the app.
        let now = chrono::Utc::now();
        for (key, baseline, target) in [
            ("active_mous", 102_i64, 154_i64),
            ("active_volunteers", 16_000, 17_500),
        ] {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Goals::Table)
                        .columns([
                            Goals::Key,
                            Goals::Baseline,
                            Goals::Target,
                            Goals::Deadline,
                            Goals::Version,
                            Goals::UpdatedAt,
                        ])
                        .values_panic([
                            key.into(),
                            baseline.into(),
                            target.into(),
                            chrono::NaiveDate::from_ymd_opt(2025, 6, 30).into(),
                            1.into(),
                            now.into(),
                        ])
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Goals::Table.into_iden(),
            AgreementReminders::Table.into_iden(),
            AgreementDocuments::Table.into_iden(),
            AgreementSignatures::Table.into_iden(),
            AgreementHistory::Table.into_iden(),
            AgreementDeliverables::Table.into_iden(),
            AgreementSchools::Table.into_iden(),
            Agreements::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
