//! One donation. `/donations/new`: record one (from an accepted match, `?match=ID` names its
//! partner, school and need); `/donations/:id`: what was given, voided with a reason when it
//! was recorded in error, or restored.

use domain::donations::{
    Donation, DonationAction, DonationInput, DonationKind, DonationTransition, next_donation_status,
};
use domain::intake::SupportArea;
use domain::matches::Match;
use domain::{ApplicationId, DonationId, MatchId, OrganizationId, Permission, SchoolId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::use_auth;
use crate::components::field::{SelectField, TextField, options};
use crate::components::form::{FormState, ProblemBanner, StatusSteps};
use crate::components::load::{LoadedView, load, load_record};
use crate::i18n::{Key, use_i18n};
use crate::pages::volunteer_dashboard::dollars;

/// `/donations/:id`.
#[component]
pub fn DonationPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<DonationId>().ok())
    };
    let found = load_record(id, |c, id| async move { c.get_donation(id).await });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::DonationTitle)}</h1>
            <LoadedView resource=found render={move |d: Donation| {
                let steps: Vec<DonationAction> = DonationAction::ALL.iter().copied()
                    .filter(|a| next_donation_status(d.status, *a).is_ok()).collect();
                let (id, version, status) = (d.id, d.version, d.status);
                view! {
                    <DonationFacts d=d/>
                    <Show when=move || auth.can(Permission::RecordDonations)>
                        <StatusSteps heading_id="donation-status" status=Signal::derive(move || i18n.donation_status(status))
                            steps=steps.clone() step_label=move |a| i18n.donation_action(a)
                            on_done=Callback::new(move |_| found.refetch()) reason_required=true
                            send=move |c: client::Client, action: DonationAction, reason: String| async move {
                                c.transition_donation(id, version, &DonationTransition { action, reason }).await
                            }/>
                    </Show>
                }
            }}/>
            <p><A href="/donations" attr:class="button">{move || i18n.t(Key::DonationBack)}</A></p>
        </section>
    }
}

#[component]
fn DonationFacts(d: Donation) -> impl IntoView {
    let i18n = use_i18n();
    let school = d.school_name.clone();
    view! {
        <dl class="facts" id="donation-facts">
            <dt>{move || i18n.t(Key::OfferPartner)}</dt><dd>{d.organization_name.clone()}</dd>
            <dt>{move || i18n.t(Key::SchoolLabel)}</dt>
            <dd>{move || school.clone().unwrap_or_else(|| i18n.t(Key::DonationDistrictWide).to_string())}</dd>
            <dt>{move || i18n.t(Key::DonationReceivedOn)}</dt><dd>{d.received_on.to_string()} " (" {d.school_year_label.clone()} ")"</dd>
            <dt>{move || i18n.t(Key::DonationKindLabel)}</dt><dd>{move || i18n.donation_kind(d.kind)}</dd>
            <dt>{move || i18n.t(Key::DonationValue)}</dt><dd>{dollars(u64::from(d.value_usd))}</dd>
            <dt>{move || i18n.t(Key::DonationDescription)}</dt><dd>{d.description.clone()}</dd>
            {d.support_area.map(|a| view! { <dt>{move || i18n.t(Key::NeedSupportArea)}</dt><dd>{move || i18n.support_area(a)}</dd> })}
            <Show when={let e = d.event.clone(); move || !e.is_empty()}>
                <dt>{move || i18n.t(Key::DonationEvent)}</dt><dd>{d.event.clone()}</dd>
            </Show>
            {d.match_id.map(|m| view! {
                <dt>{move || i18n.t(Key::MatchTitle)}</dt><dd><A href=format!("/matches/{m}")>{move || i18n.t(Key::DonationSeeMatch)}</A></dd>
            })}
            <dt>{move || i18n.t(Key::DonationRecordedBy)}</dt><dd>{d.recorded_by_name.clone()}</dd>
            {d.status_reason.clone().map(|r| view! { <dt>{move || i18n.t(Key::NeedStatusReason)}</dt><dd>{r}</dd> })}
        </dl>
    }
}

/// What a new donation is for, when the page was opened from it.
#[derive(Clone)]
enum Source {
    /// Nothing named: staff choose the partner and school.
    Nothing,
    /// An accepted match: its partner, school and need.
    Match(Box<Match>),
    /// The one-time event of an approved application: its partner and program.
    Event(ApplicationId, String),
}

/// `/donations/new`; `?match=ID` from an accepted match, `?application=ID` from an approved
/// application's one-time event.
#[component]
pub fn NewDonation() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let named = move || {
        query.with(|q| {
            (
                q.get("match").and_then(|s| s.parse::<MatchId>().ok()),
                q.get("application")
                    .and_then(|s| s.parse::<ApplicationId>().ok()),
            )
        })
    };
    let choices = load(named, |c, (m, a)| async move {
        let source = match (m, a) {
            (Some(id), _) => Source::Match(Box::new(c.get_match(id).await?)),
            (None, Some(id)) => Source::Event(id, c.get_application(id).await?.form.program.title),
            (None, None) => Source::Nothing,
        };
        let partners = c
            .list_organizations(&domain::organization::OrganizationQuery {
                limit: Some(100),
                ..Default::default()
            })
            .await?
            .items;
        Ok((source, partners, c.public_schools().await?))
    });
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::DonationNew)}</h1>
            <LoadedView resource=choices render=|(source, partners, schools): (Source, Vec<domain::organization::Organization>, Vec<domain::school::SchoolChoice>)| {
                let partners = partners.into_iter().map(|o| (o.id.to_string(), o.legal_name)).collect();
                let schools = schools.into_iter().map(|s| (s.id.to_string(), s.name)).collect();
                view! { <DonationForm source=source partners=partners schools=schools/> }
            }/>
        </section>
    }
}

#[component]
fn DonationForm(
    source: Source,
    partners: Vec<(String, String)>,
    schools: Vec<(String, String)>,
) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let partner = RwSignal::new(partners.first().map(|p| p.0.clone()).unwrap_or_default());
    let school = RwSignal::new(String::new());
    let today = {
        let d = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date()
        )
    };
    let received = RwSignal::new(today);
    let kind = RwSignal::new("cash".to_string());
    let of_match = match &source {
        Source::Match(m) => Some(m.as_ref().clone()),
        _ => None,
    };
    let value = RwSignal::new(
        of_match
            .as_ref()
            .map(|m| m.quantity.to_string())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(
        of_match
            .as_ref()
            .map(|m| m.offer_description.clone())
            .unwrap_or_default(),
    );
    let area = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let form = FormState::new();
    let errors = form.errors;
    let match_id = of_match.as_ref().map(|m| m.id);
    let application_id = match &source {
        Source::Event(id, _) => Some(*id),
        _ => None,
    };
    let choose = matches!(source, Source::Nothing);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.start() {
            return;
        }
        let mut bad = std::collections::HashMap::new();
        let fix = i18n.t(Key::FixErrors).to_string();
        let value_usd = value
            .get_untracked()
            .trim()
            .replace([',', '$'], "")
            .parse::<u32>()
            .unwrap_or_else(|_| {
                bad.insert("value_usd".to_string(), fix.clone());
                0
            });
        let received_on = received.get_untracked().trim().parse().unwrap_or_else(|_| {
            bad.insert("received_on".to_string(), fix.clone());
            chrono::NaiveDate::default()
        });
        if !bad.is_empty() {
            form.invalid(&i18n, bad);
            return;
        }
        let input = DonationInput {
            organization_id: choose
                .then(|| partner.get_untracked().parse::<OrganizationId>().ok())
                .flatten(),
            school_id: choose
                .then(|| school.get_untracked().parse::<SchoolId>().ok())
                .flatten(),
            received_on,
            kind: DonationKind::parse(&kind.get_untracked()).unwrap_or(DonationKind::Cash),
            value_usd,
            description: description.get_untracked(),
            support_area: SupportArea::parse(&area.get_untracked()),
            need_id: None,
            match_id,
            application_id,
            event: event.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match auth
                .call(|c| {
                    let input = input.clone();
                    async move { c.record_donation(&input).await }
                })
                .await
            {
                Ok(d) => {
                    form.done();
                    navigate(&format!("/donations/{}", d.id), Default::default())
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    let mut school_options = vec![(String::new(), i18n.t(Key::DonationDistrictWide).to_string())];
    school_options.extend(schools);
    let mut area_options = vec![(String::new(), i18n.t(Key::DonationNoArea).to_string())];
    area_options.extend(options(
        SupportArea::ALL,
        |a| i18n.support_area(a),
        SupportArea::as_str,
    ));
    view! {
        <form class="form" on:submit=submit novalidate>
            <ProblemBanner form=form/>
            {match source {
                Source::Match(m) => view! {
                    <p class="state" id="donation-source">{move || i18n.t(Key::DonationForMatch)} " "
                        <strong>{m.organization_name.clone()}</strong> " → " {m.school_name.clone()} ": " {m.need_description.clone()}</p>
                }.into_any(),
                Source::Event(_, title) => view! {
                    <p class="state" id="donation-source">{move || i18n.t(Key::DonationForEvent)} " " <strong>{title}</strong></p>
                }.into_any(),
                Source::Nothing => view! {
                    <SelectField name="organization_id" label=Signal::derive(move || i18n.t(Key::OfferPartner)) value=partner errors=errors
                        options=Signal::derive(move || partners.clone())/>
                    <SelectField name="school_id" label=Signal::derive(move || i18n.t(Key::SchoolLabel)) value=school errors=errors
                        options=Signal::derive(move || school_options.clone())/>
                    <SelectField name="support_area" label=Signal::derive(move || i18n.t(Key::NeedSupportArea)) value=area errors=errors
                        options=Signal::derive(move || area_options.clone())/>
                }.into_any(),
            }}
            <TextField name="received_on" kind="date" label=Signal::derive(move || i18n.t(Key::DonationReceivedOn)) value=received errors=errors required=true/>
            <SelectField name="kind" label=Signal::derive(move || i18n.t(Key::DonationKindLabel)) value=kind errors=errors
                options=Signal::derive(move || options(DonationKind::ALL, |k| i18n.donation_kind(k), DonationKind::as_str))/>
            <TextField name="value_usd" kind="number" label=Signal::derive(move || i18n.t(Key::DonationValue)) value=value errors=errors required=true/>
            <TextField name="description" label=Signal::derive(move || i18n.t(Key::DonationDescription)) value=description errors=errors required=true/>
            <TextField name="event" label=Signal::derive(move || i18n.t(Key::DonationEvent)) value=event errors=errors/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>{move || i18n.t(Key::DonationRecord)}</button>
            </div>
        </form>
    }
}
