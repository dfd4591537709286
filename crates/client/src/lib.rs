//! A typed client of the PartnerHub API, for the SPA (wasm32), the end-to-end tests and
//! integrators (native; enable the `tls` feature for https).
//!
//! Every call answers `Result<T, ClientError>`; API errors carry the parsed problem+json.
//! Writes to existing records take the `version` the caller read (sent as `If-Match`).

use domain::agreement::{
    Agreement, AgreementInput, AgreementMetrics, AgreementQuery, AgreementSummary,
    AgreementTransition, AttentionItem, DeliverableProgress, DocumentVersion, FinalReportInput,
    FinalReportReviewInput, Goal, GoalInput, MetricsQuery, SignRequest,
};
use domain::application::{
    ApplicantView, Application, ApplicationForm, ApplicationQuery, ApplicationSummary, Assignment,
    ChecklistAnswer, DraftCreated, NewNote, Stage, StartApplication, SubtaskUpdate,
    TransitionRequest, WithdrawRequest,
};
use domain::audit::{AuditEntity, AuditEvent};
use domain::auth::{LoginRequest, Me, TokenResponse};
use domain::intake::FormalProcess;
use domain::organization::{
    ContactInput, ContactLogin, CreateOrganization, Organization, OrganizationInput,
    OrganizationQuery,
};
use domain::page::Page;
use domain::problem::{ErrorCode, Problem};
use domain::school::{ImportReport, School, SchoolChoice, SchoolInput, SchoolQuery};
use domain::user::{CreateUser, UpdateUser, User};
use domain::{
    AgreementId, ApplicationId, ContactId, DeliverableId, OrganizationId, SchoolId, UserId,
};
use reqwest::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;

/// What a call can fail with.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    /// The API answered with an error.
    #[error("{}", .0.detail)]
    Api(Problem),
    /// The request did not get an answer (offline, server down).
    #[error("network error: {0}")]
    Network(String),
    /// The answer could not be read.
    #[error("unexpected response: {0}")]
    Decode(String),
}

impl ClientError {
    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api(p) => Some(p.status),
            _ => None,
        }
    }

    /// The problem, for API errors.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ClientError::Api(p) => Some(p),
            _ => None,
        }
    }
}

/// Result of a call.
pub type ClientResult<T> = Result<T, ClientError>;

/// The API client. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    base: String,
    http: reqwest::Client,
    token: Option<String>,
}

impl Client {
    /// A client of the API at `base` (e.g. `http://127.0.0.1:8080`, no trailing slash).
    pub fn new(base: impl Into<String>) -> Self {
        Self {
            base: base.into().trim_end_matches('/').to_string(),
            http: reqwest::Client::new(),
            token: None,
        }
    }

    /// The same client, sending this access token.
    pub fn with_token(&self, token: Option<String>) -> Self {
        Self {
            token,
            ..self.clone()
        }
    }

    /// The access token in use.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let mut r = self.http.request(method, format!("{}{}", self.base, path));
        if let Some(t) = &self.token {
            r = r.bearer_auth(t);
        }
        r
    }

    async fn send(r: RequestBuilder) -> ClientResult<Response> {
        let res = r
            .send()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        if res.status().is_success() {
            return Ok(res);
        }
        let status = res.status().as_u16();
        let text = res.text().await.unwrap_or_default();
        Err(ClientError::Api(
            serde_json::from_str::<Problem>(&text).unwrap_or_else(|_| Problem {
                type_: "about:blank".into(),
                title: "Error".into(),
                status,
                detail: format!("The server answered {status}."),
                code: code_for_status(status),
                errors: vec![],
                duplicates: vec![],
                request_id: None,
            }),
        ))
    }

    async fn json<T: DeserializeOwned>(r: RequestBuilder) -> ClientResult<T> {
        Self::send(r)
            .await?
            .json()
            .await
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    // --- auth ---

    /// Signs in; the server sets the refresh cookie.
    pub async fn login(&self, email: &str, password: &str) -> ClientResult<TokenResponse> {
        let body = LoginRequest {
            email: email.into(),
            password: password.into(),
        };
        Self::json(self.request(Method::POST, "/api/v1/auth/login").json(&body)).await
    }

    /// Asks for a password reset link (answers the same whether or not the account exists).
    pub async fn request_password_reset(&self, email: &str) -> ClientResult<()> {
        let body = domain::auth::PasswordResetRequest {
            email: email.into(),
        };
        Self::send(
            self.request(Method::POST, "/api/v1/auth/password-reset")
                .json(&body),
        )
        .await
        .map(|_| ())
    }

    /// Sets a new password with the token of a reset or invitation link.
    pub async fn reset_password(&self, token: &str, password: &str) -> ClientResult<()> {
        let body = domain::auth::PasswordResetConfirm {
            token: token.into(),
            password: password.into(),
        };
        Self::send(
            self.request(Method::POST, "/api/v1/auth/password-reset/confirm")
                .json(&body),
        )
        .await
        .map(|_| ())
    }

    /// Changes the signed-in user's password; every session ends and a new one starts.
    pub async fn change_password(
        &self,
        input: &domain::auth::ChangePassword,
    ) -> ClientResult<TokenResponse> {
        Self::json(
            self.request(Method::POST, "/api/v1/auth/password")
                .json(input),
        )
        .await
    }

    /// Exchanges the refresh cookie for a new access token.
    pub async fn refresh(&self) -> ClientResult<TokenResponse> {
        Self::json(self.request(Method::POST, "/api/v1/auth/refresh")).await
    }

    /// Signs out (revokes the refresh cookie's session).
    pub async fn logout(&self) -> ClientResult<()> {
        Self::send(self.request(Method::POST, "/api/v1/auth/logout"))
            .await
            .map(|_| ())
    }

    /// The signed-in user.
    pub async fn me(&self) -> ClientResult<Me> {
        Self::json(self.request(Method::GET, "/api/v1/auth/me")).await
    }

    // --- schools ---

    /// A page of schools.
    pub async fn list_schools(&self, q: &SchoolQuery) -> ClientResult<Page<School>> {
        Self::json(self.request(Method::GET, "/api/v1/schools").query(q)).await
    }

    /// One school.
    pub async fn get_school(&self, id: SchoolId) -> ClientResult<School> {
        Self::json(self.request(Method::GET, &format!("/api/v1/schools/{id}"))).await
    }

    /// Adds a school.
    pub async fn create_school(&self, input: &SchoolInput) -> ClientResult<School> {
        Self::json(self.request(Method::POST, "/api/v1/schools").json(input)).await
    }

    /// Replaces a school's details; `version` is the one you read.
    pub async fn update_school(
        &self,
        id: SchoolId,
        version: i32,
        input: &SchoolInput,
    ) -> ClientResult<School> {
        let r = self
            .request(Method::PUT, &format!("/api/v1/schools/{id}"))
            .header("If-Match", format!("\"{version}\""));
        Self::json(r.json(input)).await
    }

    /// Archives a school.
    pub async fn archive_school(&self, id: SchoolId, version: i32) -> ClientResult<School> {
        let r = self.request(Method::POST, &format!("/api/v1/schools/{id}/archive"));
        Self::json(r.header("If-Match", format!("\"{version}\""))).await
    }

    /// Restores an archived school.
    pub async fn restore_school(&self, id: SchoolId, version: i32) -> ClientResult<School> {
        let r = self.request(Method::POST, &format!("/api/v1/schools/{id}/restore"));
        Self::json(r.header("If-Match", format!("\"{version}\""))).await
    }

    /// Imports a CSV file of schools (all or nothing).
    pub async fn import_schools(&self, csv: String) -> ClientResult<ImportReport> {
        let r = self
            .request(Method::POST, "/api/v1/schools/import")
            .header("Content-Type", "text/csv")
            .body(csv);
        Self::json(r).await
    }

    // --- users ---

    /// A page of users, by email (admin).
    pub async fn list_users(&self, q: &domain::user::UserQuery) -> ClientResult<Page<User>> {
        Self::json(self.request(Method::GET, "/api/v1/users").query(q)).await
    }

    /// Creates a user (admin).
    pub async fn create_user(&self, req: &CreateUser) -> ClientResult<User> {
        Self::json(self.request(Method::POST, "/api/v1/users").json(req)).await
    }

    /// Changes a user's name, role and schools (admin).
    pub async fn update_user(
        &self,
        id: UserId,
        version: i32,
        req: &UpdateUser,
    ) -> ClientResult<User> {
        let r = self
            .request(Method::PUT, &format!("/api/v1/users/{id}"))
            .header("If-Match", format!("\"{version}\""));
        Self::json(r.json(req)).await
    }

    /// Deactivates a user (admin).
    pub async fn deactivate_user(&self, id: UserId, version: i32) -> ClientResult<User> {
        let r = self.request(Method::POST, &format!("/api/v1/users/{id}/deactivate"));
        Self::json(r.header("If-Match", format!("\"{version}\""))).await
    }

    /// Reactivates a user (admin).
    pub async fn reactivate_user(&self, id: UserId, version: i32) -> ClientResult<User> {
        let r = self.request(Method::POST, &format!("/api/v1/users/{id}/reactivate"));
        Self::json(r.header("If-Match", format!("\"{version}\""))).await
    }

    // --- organizations ---

    /// A page of the partner directory (a partner gets only their organization).
    pub async fn list_organizations(
        &self,
        q: &OrganizationQuery,
    ) -> ClientResult<Page<Organization>> {
        Self::json(self.request(Method::GET, "/api/v1/organizations").query(q)).await
    }

    /// The directory as CSV (staff), with the same filters.
    pub async fn export_organizations(&self, q: &OrganizationQuery) -> ClientResult<String> {
        let res = Self::send(
            self.request(Method::GET, "/api/v1/organizations/export")
                .query(q),
        )
        .await?;
        res.text()
            .await
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    /// One organization with its contacts.
    pub async fn get_organization(&self, id: OrganizationId) -> ClientResult<Organization> {
        Self::json(self.request(Method::GET, &format!("/api/v1/organizations/{id}"))).await
    }

    /// Adds an organization; 409 `possible_duplicate` lists look-alikes unless confirmed.
    pub async fn create_organization(
        &self,
        req: &CreateOrganization,
    ) -> ClientResult<Organization> {
        Self::json(
            self.request(Method::POST, "/api/v1/organizations")
                .json(req),
        )
        .await
    }

    /// Replaces an organization's details.
    pub async fn update_organization(
        &self,
        id: OrganizationId,
        version: i32,
        input: &OrganizationInput,
    ) -> ClientResult<Organization> {
        let r = self
            .request(Method::PUT, &format!("/api/v1/organizations/{id}"))
            .header("If-Match", format!("\"{version}\""));
        Self::json(r.json(input)).await
    }

    /// Adds a contact (`version` is the organization's).
    pub async fn add_contact(
        &self,
        id: OrganizationId,
        version: i32,
        input: &ContactInput,
    ) -> ClientResult<Organization> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/organizations/{id}/contacts"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(input)).await
    }

    /// Replaces a contact (`version` is the organization's).
    pub async fn update_contact(
        &self,
        id: OrganizationId,
        version: i32,
        contact: ContactId,
        input: &ContactInput,
    ) -> ClientResult<Organization> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/organizations/{id}/contacts/{contact}"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(input)).await
    }

    /// Removes a contact (`version` is the organization's).
    pub async fn remove_contact(
        &self,
        id: OrganizationId,
        version: i32,
        contact: ContactId,
    ) -> ClientResult<Organization> {
        let r = self.request(
            Method::DELETE,
            &format!("/api/v1/organizations/{id}/contacts/{contact}"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\""))).await
    }

    /// Gives a contact a partner login with a temporary password.
    pub async fn give_contact_login(
        &self,
        id: OrganizationId,
        contact: ContactId,
        password: &str,
    ) -> ClientResult<Organization> {
        let body = ContactLogin {
            password: password.into(),
        };
        Self::json(
            self.request(
                Method::POST,
                &format!("/api/v1/organizations/{id}/contacts/{contact}/login"),
            )
            .json(&body),
        )
        .await
    }

    // --- the public application (no account) ---

    /// Every active school, for the form's picker.
    pub async fn public_schools(&self) -> ClientResult<Vec<SchoolChoice>> {
        Self::json(self.request(Method::GET, "/api/v1/public/schools")).await
    }

    /// Starts a draft; keep the resume token.
    pub async fn start_application(&self, req: &StartApplication) -> ClientResult<DraftCreated> {
        Self::json(
            self.request(Method::POST, "/api/v1/public/applications")
                .json(req),
        )
        .await
    }

    /// Asks for fresh resume links for the applications of this contact email (the same answer
    /// whether or not there are any).
    pub async fn request_resume_links(&self, email: &str) -> ClientResult<()> {
        let body = domain::auth::ResumeLinkRequest {
            email: email.into(),
        };
        Self::send(
            self.request(Method::POST, "/api/v1/public/applications/resume-links")
                .json(&body),
        )
        .await
        .map(|_| ())
    }

    /// Opens an application by its resume token.
    pub async fn open_application(&self, token: &str) -> ClientResult<ApplicantView> {
        Self::json(self.request(Method::GET, &format!("/api/v1/public/applications/{token}"))).await
    }

    /// Saves the draft.
    pub async fn save_application(
        &self,
        token: &str,
        version: i32,
        form: &ApplicationForm,
    ) -> ClientResult<ApplicantView> {
        let r = self.request(Method::PUT, &format!("/api/v1/public/applications/{token}"));
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(form)).await
    }

    /// Sends the application.
    pub async fn submit_application(
        &self,
        token: &str,
        version: i32,
    ) -> ClientResult<ApplicantView> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/public/applications/{token}/submit"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\""))).await
    }

    /// Withdraws the application, with a reason.
    pub async fn withdraw_application(
        &self,
        token: &str,
        version: i32,
        reason: &str,
    ) -> ClientResult<ApplicantView> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/public/applications/{token}/withdraw"),
        );
        Self::json(
            r.header("If-Match", format!("\"{version}\""))
                .json(&WithdrawRequest {
                    reason: reason.into(),
                }),
        )
        .await
    }

    // --- the office's process ---

    /// The pipeline as CSV (staff), with the same filters.
    async fn text(&self, req: reqwest::RequestBuilder) -> ClientResult<String> {
        Self::send(req)
            .await?
            .text()
            .await
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    pub async fn export_applications(&self, q: &ApplicationQuery) -> ClientResult<String> {
        let res = Self::send(
            self.request(Method::GET, "/api/v1/applications/export")
                .query(q),
        )
        .await?;
        res.text()
            .await
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    /// A page of the pipeline.
    pub async fn list_applications(
        &self,
        q: &ApplicationQuery,
    ) -> ClientResult<Page<ApplicationSummary>> {
        Self::json(self.request(Method::GET, "/api/v1/applications").query(q)).await
    }

    /// The board's counts per stage.
    pub async fn pipeline(&self) -> ClientResult<Vec<Stage>> {
        Self::json(self.request(Method::GET, "/api/v1/applications/pipeline")).await
    }

    /// One application (office view).
    pub async fn get_application(&self, id: ApplicationId) -> ClientResult<Application> {
        Self::json(self.request(Method::GET, &format!("/api/v1/applications/{id}"))).await
    }

    /// One application (partner view).
    pub async fn application_status(&self, id: ApplicationId) -> ClientResult<ApplicantView> {
        Self::json(self.request(Method::GET, &format!("/api/v1/applications/{id}/status"))).await
    }

    /// A fresh link to the partner's own open application form.
    pub async fn application_resume_link(
        &self,
        id: ApplicationId,
    ) -> ClientResult<domain::application::ResumeLink> {
        Self::json(self.request(
            Method::POST,
            &format!("/api/v1/applications/{id}/resume-link"),
        ))
        .await
    }

    /// Takes a step of the process.
    pub async fn transition_application(
        &self,
        id: ApplicationId,
        version: i32,
        req: &TransitionRequest,
    ) -> ClientResult<Application> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/applications/{id}/transitions"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// Answers a checklist item.
    pub async fn answer_check(
        &self,
        id: ApplicationId,
        version: i32,
        item: &str,
        req: &ChecklistAnswer,
    ) -> ClientResult<Application> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/applications/{id}/checklist/{item}"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// Updates a formal-process sub-task.
    pub async fn update_subtask(
        &self,
        id: ApplicationId,
        version: i32,
        process: FormalProcess,
        req: &SubtaskUpdate,
    ) -> ClientResult<Application> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/applications/{id}/subtasks/{}", process.as_str()),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// Assigns the owner and collaborating department.
    pub async fn assign_application(
        &self,
        id: ApplicationId,
        version: i32,
        req: &Assignment,
    ) -> ClientResult<Application> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/applications/{id}/assignment"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// Requires the partnership agreement for a one-time event, with the reason.
    pub async fn require_agreement(
        &self,
        id: ApplicationId,
        version: i32,
        req: &domain::application::RequireAgreement,
    ) -> ClientResult<Application> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/applications/{id}/require-agreement"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// Settles an application's possible match with an existing organization.
    pub async fn resolve_organization_match(
        &self,
        id: ApplicationId,
        version: i32,
        req: &domain::application::MatchResolution,
    ) -> ClientResult<Application> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/applications/{id}/organization-match"),
        );
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// Adds a note.
    pub async fn add_application_note(
        &self,
        id: ApplicationId,
        version: i32,
        req: &NewNote,
    ) -> ClientResult<Application> {
        let r = self.request(Method::POST, &format!("/api/v1/applications/{id}/notes"));
        Self::json(r.header("If-Match", format!("\"{version}\"")).json(req)).await
    }

    /// The office's staff and admins (owner pickers).
    pub async fn staff(&self) -> ClientResult<Vec<domain::user::StaffMember>> {
        Self::json(self.request(Method::GET, "/api/v1/staff")).await
    }

    // --- volunteers ---

    /// Registers a volunteer (no account needed).
    pub async fn register_volunteer(
        &self,
        req: &domain::volunteer::VolunteerRegistration,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        Self::json(
            self.request(Method::POST, "/api/v1/public/volunteers")
                .json(req),
        )
        .await
    }

    /// The signed-in volunteer's profile.
    pub async fn my_volunteer_profile(&self) -> ClientResult<domain::volunteer::Volunteer> {
        Self::json(self.request(Method::GET, "/api/v1/volunteers/me")).await
    }

    /// A page of volunteers.
    pub async fn list_volunteers(
        &self,
        q: &domain::volunteer::VolunteerQuery,
    ) -> ClientResult<Page<domain::volunteer::VolunteerSummary>> {
        Self::json(self.request(Method::GET, "/api/v1/volunteers").query(q)).await
    }

    /// One volunteer.
    pub async fn get_volunteer(
        &self,
        id: domain::VolunteerId,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        Self::json(self.request(Method::GET, &format!("/api/v1/volunteers/{id}"))).await
    }

    /// Records a clearance decision (staff).
    pub async fn record_clearance(
        &self,
        id: domain::VolunteerId,
        version: i32,
        input: &domain::volunteer::ClearanceInput,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        let r = self.request(Method::POST, &format!("/api/v1/volunteers/{id}/clearances"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Flags or unflags a parent leader (a coordinator of their school, or staff).
    pub async fn flag_parent_leader(
        &self,
        id: domain::VolunteerId,
        version: i32,
        input: &domain::volunteer::ParentLeaderInput,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/volunteers/{id}/parent-leader"),
        );
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Ends a volunteer's profile: they left the program (staff).
    pub async fn end_volunteer(
        &self,
        id: domain::VolunteerId,
        version: i32,
        input: &domain::volunteer::EndProfile,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        let r = self.request(Method::POST, &format!("/api/v1/volunteers/{id}/end"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Takes back a profile's end (staff).
    pub async fn reinstate_volunteer(
        &self,
        id: domain::VolunteerId,
        version: i32,
        input: &domain::volunteer::Reinstate,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        let r = self.request(Method::POST, &format!("/api/v1/volunteers/{id}/reinstate"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// The signed-in volunteer stops volunteering (today).
    pub async fn stop_volunteering(
        &self,
        input: &domain::volunteer::StopVolunteering,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        Self::json(
            self.request(Method::POST, "/api/v1/volunteers/me/stop")
                .json(input),
        )
        .await
    }

    /// Volunteers as CSV (the list's filters).
    pub async fn export_volunteers(
        &self,
        q: &domain::volunteer::VolunteerQuery,
    ) -> ClientResult<String> {
        self.text(
            self.request(Method::GET, "/api/v1/volunteers/export")
                .query(q),
        )
        .await
    }

    /// Hour entries as CSV (the list's filters).
    pub async fn export_hours(&self, q: &domain::hours::HourQuery) -> ClientResult<String> {
        self.text(self.request(Method::GET, "/api/v1/hours/export").query(q))
            .await
    }

    /// Opportunities as CSV (the list's filters).
    pub async fn export_opportunities(
        &self,
        q: &domain::opportunity::OpportunityQuery,
    ) -> ClientResult<String> {
        self.text(
            self.request(Method::GET, "/api/v1/opportunities/export")
                .query(q),
        )
        .await
    }

    /// The value of a volunteer hour in reports.
    pub async fn hour_value(&self) -> ClientResult<domain::volunteer_metrics::HourValue> {
        Self::json(self.request(Method::GET, "/api/v1/settings/volunteer-hour-value")).await
    }

    /// Changes the value of a volunteer hour (admin).
    pub async fn set_hour_value(
        &self,
        version: i32,
        input: &domain::volunteer_metrics::HourValueInput,
    ) -> ClientResult<domain::volunteer_metrics::HourValue> {
        let r = self.request(Method::PUT, "/api/v1/settings/volunteer-hour-value");
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Imports a volunteer roster from CSV, or checks it (`dry_run`), all or nothing (staff).
    pub async fn import_volunteers(
        &self,
        csv: String,
        opts: &domain::import::ImportOptions,
    ) -> ClientResult<domain::import::ImportOutcome> {
        let r = self
            .request(Method::POST, "/api/v1/volunteers/import")
            .query(opts)
            .header("Content-Type", "text/csv")
            .body(csv);
        Self::json(r).await
    }

    /// Imports past hours from CSV as approved, or checks them (`dry_run`), all or nothing
    /// (staff).
    pub async fn import_hours(
        &self,
        csv: String,
        opts: &domain::import::ImportOptions,
    ) -> ClientResult<domain::import::ImportOutcome> {
        let r = self
            .request(Method::POST, "/api/v1/hours/import")
            .query(opts)
            .header("Content-Type", "text/csv")
            .body(csv);
        Self::json(r).await
    }

    /// When the school year starts (the window of "active").
    pub async fn school_year(&self) -> ClientResult<domain::volunteer_metrics::SchoolYearSetting> {
        Self::json(self.request(Method::GET, "/api/v1/settings/school-year")).await
    }

    /// Changes when the school year starts; the summaries are counted again (admin).
    pub async fn set_school_year(
        &self,
        version: i32,
        input: &domain::volunteer_metrics::SchoolYearInput,
    ) -> ClientResult<domain::volunteer_metrics::SchoolYearSetting> {
        let r = self.request(Method::PUT, "/api/v1/settings/school-year");
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Revokes every badge the volunteer was issued (staff).
    pub async fn revoke_badges(
        &self,
        id: domain::VolunteerId,
        version: i32,
        input: &domain::volunteer::BadgeRevocation,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/volunteers/{id}/badge/revoke"),
        );
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Likely duplicate volunteers (staff).
    pub async fn volunteer_duplicates(
        &self,
    ) -> ClientResult<Vec<domain::volunteer::DuplicateGroup>> {
        Self::json(self.request(Method::GET, "/api/v1/volunteers/duplicates")).await
    }

    /// Folds a duplicate into the kept profile (staff).
    pub async fn merge_volunteers(
        &self,
        keep: domain::VolunteerId,
        version: i32,
        req: &domain::volunteer::MergeRequest,
    ) -> ClientResult<domain::volunteer::Volunteer> {
        let r = self.request(Method::POST, &format!("/api/v1/volunteers/{keep}/merge"));
        Self::json(Self::if_match(r, version).json(req)).await
    }

    /// The signed-in volunteer's badge with its QR code.
    pub async fn my_badge(&self) -> ClientResult<domain::volunteer::Badge> {
        Self::json(self.request(Method::GET, "/api/v1/volunteers/me/badge")).await
    }

    /// Checks a scanned badge (no account needed).
    pub async fn check_badge(&self, token: &str) -> ClientResult<domain::volunteer::BadgeCheck> {
        // Badge tokens are URL-safe (base64url and dots); anything else cannot be one, and is
        // kept from changing the path.
        let token: String = token
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = format!("/api/v1/public/badges/{token}");
        Self::json(self.request(Method::GET, &path)).await
    }

    /// Active partner organizations (no account needed).
    pub async fn public_partners(&self) -> ClientResult<Vec<domain::organization::PartnerChoice>> {
        Self::json(self.request(Method::GET, "/api/v1/public/partners")).await
    }

    // --- school needs and the plan's priorities ---

    /// The strategic plan's goals and priorities.
    pub async fn priorities(&self) -> ClientResult<Vec<domain::needs::Priority>> {
        Self::json(self.request(Method::GET, "/api/v1/priorities")).await
    }

    /// Adds a priority (admin).
    pub async fn create_priority(
        &self,
        input: &domain::needs::PriorityInput,
    ) -> ClientResult<domain::needs::Priority> {
        Self::json(self.request(Method::POST, "/api/v1/priorities").json(input)).await
    }

    /// Changes or retires a priority (admin).
    pub async fn update_priority(
        &self,
        id: domain::PriorityId,
        version: i32,
        input: &domain::needs::PriorityInput,
    ) -> ClientResult<domain::needs::Priority> {
        let r = self.request(Method::PUT, &format!("/api/v1/priorities/{id}"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// A page of needs.
    pub async fn list_needs(
        &self,
        q: &domain::needs::NeedQuery,
    ) -> ClientResult<Page<domain::needs::Need>> {
        Self::json(self.request(Method::GET, "/api/v1/needs").query(q)).await
    }

    /// One need.
    pub async fn get_need(&self, id: domain::NeedId) -> ClientResult<domain::needs::Need> {
        Self::json(self.request(Method::GET, &format!("/api/v1/needs/{id}"))).await
    }

    /// Records a need.
    pub async fn create_need(
        &self,
        input: &domain::needs::NeedInput,
    ) -> ClientResult<domain::needs::Need> {
        Self::json(self.request(Method::POST, "/api/v1/needs").json(input)).await
    }

    /// Changes a need.
    pub async fn update_need(
        &self,
        id: domain::NeedId,
        version: i32,
        input: &domain::needs::NeedInput,
    ) -> ClientResult<domain::needs::Need> {
        let r = self.request(Method::PUT, &format!("/api/v1/needs/{id}"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Moves a need along its statuses.
    pub async fn transition_need(
        &self,
        id: domain::NeedId,
        version: i32,
        t: &domain::needs::NeedTransition,
    ) -> ClientResult<domain::needs::Need> {
        let r = self.request(Method::POST, &format!("/api/v1/needs/{id}/transition"));
        Self::json(Self::if_match(r, version).json(t)).await
    }

    /// The open needs assessment.
    pub async fn needs_assessment(&self) -> ClientResult<domain::needs::NeedsAssessment> {
        Self::json(self.request(Method::GET, "/api/v1/needs/assessment")).await
    }

    /// Opens the needs assessment for a school year and reminds the coordinators.
    pub async fn open_needs_assessment(
        &self,
        version: i32,
        input: &domain::needs::OpenAssessment,
    ) -> ClientResult<domain::needs::AssessmentOpened> {
        let r = self.request(Method::PUT, "/api/v1/needs/assessment");
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Coverage of the needs assessment against the goal.
    pub async fn needs_coverage(
        &self,
        q: &domain::needs::CoverageQuery,
    ) -> ClientResult<domain::needs::Coverage> {
        Self::json(
            self.request(Method::GET, "/api/v1/metrics/needs-coverage")
                .query(q),
        )
        .await
    }

    /// The offers that could meet a need, best first, with their reasons.
    pub async fn need_matches(
        &self,
        id: domain::NeedId,
        q: &domain::offers::MatchQuery,
    ) -> ClientResult<Vec<domain::offers::OfferMatch>> {
        Self::json(
            self.request(Method::GET, &format!("/api/v1/needs/{id}/matches"))
                .query(q),
        )
        .await
    }

    // --- offers and matching ---

    /// A page of offers.
    pub async fn list_offers(
        &self,
        q: &domain::offers::OfferQuery,
    ) -> ClientResult<Page<domain::offers::Offer>> {
        Self::json(self.request(Method::GET, "/api/v1/offers").query(q)).await
    }

    /// One offer.
    pub async fn get_offer(&self, id: domain::OfferId) -> ClientResult<domain::offers::Offer> {
        Self::json(self.request(Method::GET, &format!("/api/v1/offers/{id}"))).await
    }

    /// Records an offer.
    pub async fn create_offer(
        &self,
        input: &domain::offers::OfferInput,
    ) -> ClientResult<domain::offers::Offer> {
        Self::json(self.request(Method::POST, "/api/v1/offers").json(input)).await
    }

    /// Changes an offer's terms.
    pub async fn update_offer(
        &self,
        id: domain::OfferId,
        version: i32,
        input: &domain::offers::OfferInput,
    ) -> ClientResult<domain::offers::Offer> {
        let r = self.request(Method::PUT, &format!("/api/v1/offers/{id}"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Pauses, resumes, closes or reopens an offer.
    pub async fn transition_offer(
        &self,
        id: domain::OfferId,
        version: i32,
        t: &domain::offers::OfferTransition,
    ) -> ClientResult<domain::offers::Offer> {
        let r = self.request(Method::POST, &format!("/api/v1/offers/{id}/transition"));
        Self::json(Self::if_match(r, version).json(t)).await
    }

    /// The needs an offer could meet, best first, with their reasons.
    pub async fn offer_matches(
        &self,
        id: domain::OfferId,
        q: &domain::offers::MatchQuery,
    ) -> ClientResult<Vec<domain::offers::NeedMatch>> {
        Self::json(
            self.request(Method::GET, &format!("/api/v1/offers/{id}/matches"))
                .query(q),
        )
        .await
    }

    // --- the family resource directory ---

    /// An offer's listing in the family directory (version 0: never listed).
    pub async fn get_listing(
        &self,
        id: domain::OfferId,
    ) -> ClientResult<domain::directory::Listing> {
        Self::json(self.request(Method::GET, &format!("/api/v1/offers/{id}/listing"))).await
    }

    /// Lists an offer in the family directory, or changes or hides its listing.
    pub async fn set_listing(
        &self,
        id: domain::OfferId,
        version: i32,
        input: &domain::directory::ListingInput,
    ) -> ClientResult<domain::directory::Listing> {
        let r = self.request(Method::PUT, &format!("/api/v1/offers/{id}/listing"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Searches the family directory (no account).
    pub async fn public_resources(
        &self,
        q: &domain::directory::ResourceQuery,
    ) -> ClientResult<Vec<domain::directory::Resource>> {
        Self::json(
            self.request(Method::GET, "/api/v1/public/resources")
                .query(q),
        )
        .await
    }

    /// The family directory's use by month.
    pub async fn directory_usage(&self) -> ClientResult<domain::directory::DirectoryUse> {
        Self::json(self.request(Method::GET, "/api/v1/metrics/directory")).await
    }

    // --- proposed matches ---

    /// Proposes an offer for a need (staff).
    pub async fn propose_match(
        &self,
        need: domain::NeedId,
        p: &domain::matches::MatchProposal,
    ) -> ClientResult<domain::matches::Match> {
        Self::json(
            self.request(Method::POST, &format!("/api/v1/needs/{need}/proposals"))
                .json(p),
        )
        .await
    }

    /// A page of proposed matches.
    pub async fn list_matches(
        &self,
        q: &domain::matches::MatchListQuery,
    ) -> ClientResult<Page<domain::matches::Match>> {
        Self::json(self.request(Method::GET, "/api/v1/matches").query(q)).await
    }

    /// One proposed match.
    pub async fn get_match(&self, id: domain::MatchId) -> ClientResult<domain::matches::Match> {
        Self::json(self.request(Method::GET, &format!("/api/v1/matches/{id}"))).await
    }

    /// Accepts, declines, withdraws or proposes again a match.
    pub async fn transition_match(
        &self,
        id: domain::MatchId,
        version: i32,
        t: &domain::matches::MatchTransition,
    ) -> ClientResult<domain::matches::Match> {
        let r = self.request(Method::POST, &format!("/api/v1/matches/{id}/transition"));
        Self::json(Self::if_match(r, version).json(t)).await
    }

    // --- the donation ledger ---

    /// Records a donation (staff).
    pub async fn record_donation(
        &self,
        d: &domain::donations::DonationInput,
    ) -> ClientResult<domain::donations::Donation> {
        Self::json(self.request(Method::POST, "/api/v1/donations").json(d)).await
    }

    /// A page of the donation ledger.
    pub async fn list_donations(
        &self,
        q: &domain::donations::DonationQuery,
    ) -> ClientResult<Page<domain::donations::Donation>> {
        Self::json(self.request(Method::GET, "/api/v1/donations").query(q)).await
    }

    /// One donation.
    pub async fn get_donation(
        &self,
        id: domain::DonationId,
    ) -> ClientResult<domain::donations::Donation> {
        Self::json(self.request(Method::GET, &format!("/api/v1/donations/{id}"))).await
    }

    /// Voids or restores a donation (staff).
    pub async fn transition_donation(
        &self,
        id: domain::DonationId,
        version: i32,
        t: &domain::donations::DonationTransition,
    ) -> ClientResult<domain::donations::Donation> {
        let r = self.request(Method::POST, &format!("/api/v1/donations/{id}/transition"));
        Self::json(Self::if_match(r, version).json(t)).await
    }

    /// The ledger's totals, grouped.
    pub async fn donation_totals(
        &self,
        q: &domain::donations::DonationTotalsQuery,
    ) -> ClientResult<domain::donations::DonationTotals> {
        Self::json(
            self.request(Method::GET, "/api/v1/donations/totals")
                .query(q),
        )
        .await
    }

    /// The ledger as CSV (the list's filters).
    pub async fn export_donations(
        &self,
        q: &domain::donations::DonationQuery,
    ) -> ClientResult<String> {
        self.text(
            self.request(Method::GET, "/api/v1/donations/export")
                .query(q),
        )
        .await
    }

    /// The matching weights.
    pub async fn match_weights(&self) -> ClientResult<domain::offers::MatchingWeights> {
        Self::json(self.request(Method::GET, "/api/v1/matching/weights")).await
    }

    /// Changes the matching weights (admin).
    pub async fn set_match_weights(
        &self,
        version: i32,
        w: &domain::offers::MatchWeights,
    ) -> ClientResult<domain::offers::MatchingWeights> {
        let r = self.request(Method::PUT, "/api/v1/matching/weights");
        Self::json(Self::if_match(r, version).json(w)).await
    }

    // --- opportunities and sign-ups ---

    /// A page of opportunities.
    pub async fn list_opportunities(
        &self,
        q: &domain::opportunity::OpportunityQuery,
    ) -> ClientResult<Page<domain::opportunity::Opportunity>> {
        Self::json(self.request(Method::GET, "/api/v1/opportunities").query(q)).await
    }

    /// One opportunity.
    pub async fn get_opportunity(
        &self,
        id: domain::OpportunityId,
    ) -> ClientResult<domain::opportunity::Opportunity> {
        Self::json(self.request(Method::GET, &format!("/api/v1/opportunities/{id}"))).await
    }

    /// Posts an opportunity.
    pub async fn create_opportunity(
        &self,
        input: &domain::opportunity::OpportunityInput,
    ) -> ClientResult<domain::opportunity::Opportunity> {
        Self::json(
            self.request(Method::POST, "/api/v1/opportunities")
                .json(input),
        )
        .await
    }

    /// Changes an opportunity.
    pub async fn update_opportunity(
        &self,
        id: domain::OpportunityId,
        version: i32,
        input: &domain::opportunity::OpportunityInput,
    ) -> ClientResult<domain::opportunity::Opportunity> {
        let r = self.request(Method::PUT, &format!("/api/v1/opportunities/{id}"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Cancels an opportunity.
    pub async fn cancel_opportunity(
        &self,
        id: domain::OpportunityId,
        version: i32,
        reason: &str,
    ) -> ClientResult<domain::opportunity::Opportunity> {
        let r = self.request(Method::POST, &format!("/api/v1/opportunities/{id}/cancel"));
        let body = domain::opportunity::CancelRequest {
            reason: reason.to_string(),
        };
        Self::json(Self::if_match(r, version).json(&body)).await
    }

    /// Signs the volunteer up (confirmed or waitlisted).
    pub async fn sign_up(
        &self,
        id: domain::OpportunityId,
        req: &domain::opportunity::SignupRequest,
    ) -> ClientResult<domain::opportunity::Signup> {
        Self::json(
            self.request(Method::POST, &format!("/api/v1/opportunities/{id}/signups"))
                .json(req),
        )
        .await
    }

    /// The roster of an opportunity.
    pub async fn roster(
        &self,
        id: domain::OpportunityId,
    ) -> ClientResult<Vec<domain::opportunity::Signup>> {
        Self::json(self.request(Method::GET, &format!("/api/v1/opportunities/{id}/signups"))).await
    }

    /// Cancels a sign-up.
    pub async fn cancel_signup(
        &self,
        id: domain::SignupId,
        reason: &str,
    ) -> ClientResult<domain::opportunity::Signup> {
        let body = domain::opportunity::CancelRequest {
            reason: reason.to_string(),
        };
        Self::json(
            self.request(Method::POST, &format!("/api/v1/signups/{id}/cancel"))
                .json(&body),
        )
        .await
    }

    /// The volunteer dashboard.
    pub async fn volunteer_metrics(
        &self,
        q: &domain::volunteer_metrics::VolunteerMetricsQuery,
    ) -> ClientResult<domain::volunteer_metrics::VolunteerMetrics> {
        Self::json(
            self.request(Method::GET, "/api/v1/metrics/volunteers")
                .query(q),
        )
        .await
    }

    // --- hours ---

    /// A page of hour entries.
    pub async fn list_hours(
        &self,
        q: &domain::hours::HourQuery,
    ) -> ClientResult<Page<domain::hours::HourEntry>> {
        Self::json(self.request(Method::GET, "/api/v1/hours").query(q)).await
    }

    /// Logs hours (volunteers).
    pub async fn log_hours(
        &self,
        input: &domain::hours::HourInput,
    ) -> ClientResult<domain::hours::HourEntry> {
        Self::json(self.request(Method::POST, "/api/v1/hours").json(input)).await
    }

    /// Checks in at a school (volunteers).
    pub async fn check_in(
        &self,
        req: &domain::hours::CheckIn,
    ) -> ClientResult<domain::hours::HourEntry> {
        Self::json(
            self.request(Method::POST, "/api/v1/hours/check-in")
                .json(req),
        )
        .await
    }

    /// Checks out of the open visit (volunteers).
    pub async fn check_out(&self) -> ClientResult<domain::hours::HourEntry> {
        Self::json(self.request(Method::POST, "/api/v1/hours/check-out")).await
    }

    /// Corrects an entry (a new entry supersedes it).
    pub async fn correct_hours(
        &self,
        id: domain::HourEntryId,
        input: &domain::hours::CorrectionInput,
    ) -> ClientResult<domain::hours::HourEntry> {
        Self::json(
            self.request(Method::POST, &format!("/api/v1/hours/{id}/corrections"))
                .json(input),
        )
        .await
    }

    /// Approves or rejects entries, all or none.
    pub async fn decide_hours(
        &self,
        req: &domain::hours::HourDecision,
    ) -> ClientResult<Vec<domain::hours::HourEntry>> {
        Self::json(
            self.request(Method::POST, "/api/v1/hours/decisions")
                .json(req),
        )
        .await
    }

    // --- agreements ---

    fn if_match(r: RequestBuilder, version: i32) -> RequestBuilder {
        r.header("If-Match", format!("\"{version}\""))
    }

    /// A page of agreements.
    pub async fn list_agreements(
        &self,
        q: &AgreementQuery,
    ) -> ClientResult<Page<AgreementSummary>> {
        Self::json(self.request(Method::GET, "/api/v1/agreements").query(q)).await
    }

    /// Agreements as CSV, with the same filters.
    pub async fn export_agreements(&self, q: &AgreementQuery) -> ClientResult<String> {
        let res = Self::send(
            self.request(Method::GET, "/api/v1/agreements/export")
                .query(q),
        )
        .await?;
        res.text()
            .await
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    /// Agreements in force ending within 90 days.
    pub async fn agreements_needing_attention(&self) -> ClientResult<Vec<AttentionItem>> {
        Self::json(self.request(Method::GET, "/api/v1/agreements/attention")).await
    }

    /// One agreement.
    pub async fn get_agreement(&self, id: AgreementId) -> ClientResult<Agreement> {
        Self::json(self.request(Method::GET, &format!("/api/v1/agreements/{id}"))).await
    }

    /// Drafts an agreement.
    pub async fn create_agreement(&self, input: &AgreementInput) -> ClientResult<Agreement> {
        Self::json(self.request(Method::POST, "/api/v1/agreements").json(input)).await
    }

    /// Replaces the terms (draft or in review).
    pub async fn update_agreement(
        &self,
        id: AgreementId,
        version: i32,
        input: &AgreementInput,
    ) -> ClientResult<Agreement> {
        let r = self.request(Method::PUT, &format!("/api/v1/agreements/{id}"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    /// Takes a step of the agreement's life.
    pub async fn transition_agreement(
        &self,
        id: AgreementId,
        version: i32,
        req: &AgreementTransition,
    ) -> ClientResult<Agreement> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/agreements/{id}/transitions"),
        );
        Self::json(Self::if_match(r, version).json(req)).await
    }

    /// Signs for a party.
    pub async fn sign_agreement(
        &self,
        id: AgreementId,
        version: i32,
        req: &SignRequest,
    ) -> ClientResult<Agreement> {
        let r = self.request(Method::POST, &format!("/api/v1/agreements/{id}/signatures"));
        Self::json(Self::if_match(r, version).json(req)).await
    }

    /// Uploads a new version of the agreement file.
    pub async fn upload_agreement_document(
        &self,
        id: AgreementId,
        filename: &str,
        bytes: Vec<u8>,
    ) -> ClientResult<DocumentVersion> {
        let r = self
            .request(Method::POST, &format!("/api/v1/agreements/{id}/documents"))
            .query(&[("filename", filename)])
            .header("Content-Type", "application/octet-stream")
            .body(bytes);
        Self::json(r).await
    }

    /// One version of the agreement file.
    pub async fn download_agreement_document(
        &self,
        id: AgreementId,
        version: i32,
    ) -> ClientResult<Vec<u8>> {
        let res = Self::send(self.request(
            Method::GET,
            &format!("/api/v1/agreements/{id}/documents/{version}"),
        ))
        .await?;
        res.bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    /// Records progress on a deliverable.
    pub async fn update_deliverable(
        &self,
        id: AgreementId,
        deliverable: DeliverableId,
        version: i32,
        req: &DeliverableProgress,
    ) -> ClientResult<Agreement> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/agreements/{id}/deliverables/{deliverable}"),
        );
        Self::json(Self::if_match(r, version).json(req)).await
    }

    /// Submits the final report.
    pub async fn submit_final_report(
        &self,
        id: AgreementId,
        version: i32,
        req: &FinalReportInput,
    ) -> ClientResult<Agreement> {
        let r = self.request(
            Method::PUT,
            &format!("/api/v1/agreements/{id}/final-report"),
        );
        Self::json(Self::if_match(r, version).json(req)).await
    }

    /// Reviews the final report.
    pub async fn review_final_report(
        &self,
        id: AgreementId,
        version: i32,
        req: &FinalReportReviewInput,
    ) -> ClientResult<Agreement> {
        let r = self.request(
            Method::POST,
            &format!("/api/v1/agreements/{id}/final-report/review"),
        );
        Self::json(Self::if_match(r, version).json(req)).await
    }

    /// Active MOUs per quarter against the goal.
    pub async fn agreement_metrics(&self, q: &MetricsQuery) -> ClientResult<AgreementMetrics> {
        Self::json(
            self.request(Method::GET, "/api/v1/metrics/agreements")
                .query(q),
        )
        .await
    }

    /// The district's goals.
    pub async fn goals(&self) -> ClientResult<Vec<Goal>> {
        Self::json(self.request(Method::GET, "/api/v1/goals")).await
    }

    /// Changes a goal (admin).
    pub async fn set_goal(&self, key: &str, version: i32, input: &GoalInput) -> ClientResult<Goal> {
        let r = self.request(Method::PUT, &format!("/api/v1/goals/{key}"));
        Self::json(Self::if_match(r, version).json(input)).await
    }

    // --- audit ---

    /// The audit trail of one record.
    pub async fn audit(&self, entity: AuditEntity, id: &str) -> ClientResult<Vec<AuditEvent>> {
        Self::json(
            self.request(Method::GET, "/api/v1/audit")
                .query(&[("entity", entity.as_str()), ("id", id)]),
        )
        .await
    }
}

/// The code for an answer that is not problem+json (a proxy's 502, an HTML error page): the
/// closest code the server itself would use for that status.
fn code_for_status(status: u16) -> ErrorCode {
    match status {
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        413 => ErrorCode::PayloadTooLarge,
        429 => ErrorCode::RateLimited,
        502..=504 => ErrorCode::Unavailable,
        500..=599 => ErrorCode::Internal,
        _ => ErrorCode::BadRequest,
    }
}
