//! Add and edit an organization. Likely duplicates are shown with links; the user can confirm
//! it is a different organization and create it anyway.

use client::ClientError;
use domain::intake::{OrganizationType, SupportArea, TaxStatus};
use domain::organization::{
    CreateOrganization, DuplicateCandidate, Organization, OrganizationInput,
};
use domain::problem::ErrorCode;
use domain::{OrganizationId, Permission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::use_auth;
use crate::components::field::{CheckList, SelectField, TextField};
use crate::components::form::{FormState, ProblemBanner};
use crate::components::load::{LoadedView, load_record};
use crate::i18n::{Key, use_i18n};

/// The organization id in the URL, if it is one.
pub fn organization_id_param() -> Signal<Option<OrganizationId>> {
    let params = use_params_map();
    Signal::derive(move || params.with(|p| p.get("id")).and_then(|s| s.parse().ok()))
}

/// `/organizations/new`.
#[component]
pub fn NewOrganization() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::NewOrganization)}</h1>
            <OrganizationForm existing=None/>
        </section>
    }
}

/// `/organizations/:id/edit`.
#[component]
pub fn EditOrganization() -> impl IntoView {
    let i18n = use_i18n();
    let id = organization_id_param();
    let org = load_record(
        move || id.get(),
        |c, id| async move { c.get_organization(id).await },
    );
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::EditOrganization)}</h1>
            <LoadedView resource=org render={|o: Organization| view! { <OrganizationForm existing=Some(o)/> }}/>
        </section>
    }
}

#[component]
fn OrganizationForm(existing: Option<Organization>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let e = existing.as_ref();
    let legal_name = RwSignal::new(e.map(|o| o.legal_name.clone()).unwrap_or_default());
    let org_type = RwSignal::new(
        e.map(|o| o.org_type.as_str().to_string())
            .unwrap_or_else(|| "nonprofit".into()),
    );
    let tax_status = RwSignal::new(
        e.map(|o| o.tax_status.as_str().to_string())
            .unwrap_or_else(|| "nonprofit".into()),
    );
    let ein = RwSignal::new(e.and_then(|o| o.ein.clone()).unwrap_or_default());
    let website = RwSignal::new(e.map(|o| o.website.clone()).unwrap_or_default());
    let address = RwSignal::new(e.map(|o| o.address.clone()).unwrap_or_default());
    let city = RwSignal::new(e.map(|o| o.city.clone()).unwrap_or_default());
    let postal_code = RwSignal::new(e.map(|o| o.postal_code.clone()).unwrap_or_default());
    let description = RwSignal::new(e.map(|o| o.description.clone()).unwrap_or_default());
    let areas = RwSignal::new(e.map(|o| o.support_areas.clone()).unwrap_or_default());
    let form = FormState::new();
    let errors = form.errors;
    let duplicates = RwSignal::new(Vec::<DuplicateCandidate>::new());
    let target = existing.as_ref().map(|o| (o.id, o.version));

    let save = move |confirm: bool| {
        if !form.start() {
            return;
        }
        let input = OrganizationInput {
            legal_name: legal_name.get_untracked(),
            org_type: OrganizationType::parse(&org_type.get_untracked())
                .unwrap_or(OrganizationType::Nonprofit),
            tax_status: TaxStatus::parse(&tax_status.get_untracked())
                .unwrap_or(TaxStatus::Nonprofit),
            ein: Some(ein.get_untracked()).filter(|s| !s.trim().is_empty()),
            website: website.get_untracked(),
            address: address.get_untracked(),
            city: city.get_untracked(),
            postal_code: postal_code.get_untracked(),
            description: description.get_untracked(),
            support_areas: areas.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match target {
                            Some((id, version)) => c.update_organization(id, version, &input).await,
                            None => {
                                c.create_organization(&CreateOrganization {
                                    organization: input,
                                    confirm_not_duplicate: confirm,
                                })
                                .await
                            }
                        }
                    }
                })
                .await;
            match res {
                Ok(o) => {
                    form.done();
                    navigate(&format!("/organizations/{}", o.id), Default::default())
                }
                Err(ClientError::Api(p)) if p.code == ErrorCode::PossibleDuplicate => {
                    form.done();
                    duplicates.set(p.duplicates)
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    let save_submit = save.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.busy.get_untracked() {
            duplicates.set(vec![]);
            save_submit(false);
        }
    };

    let types = move || {
        OrganizationType::ALL
            .iter()
            .map(|t| (t.as_str().to_string(), i18n.org_type(*t).to_string()))
            .collect::<Vec<_>>()
    };
    let taxes = move || {
        TaxStatus::ALL
            .iter()
            .map(|t| (t.as_str().to_string(), i18n.tax_status(*t).to_string()))
            .collect::<Vec<_>>()
    };
    let cancel = existing
        .as_ref()
        .map(|o| format!("/organizations/{}", o.id))
        .unwrap_or_else(|| "/organizations".into());

    view! {
        <Show when=move || !auth.can(Permission::ManageOrganizations)>
            <div class="state error" role="alert">{move || i18n.t(Key::Forbidden)}</div>
        </Show>
        <form class="form" on:submit=submit novalidate>
            <ProblemBanner form=form/>
            <Show when=move || !duplicates.with(|d| d.is_empty())>
                <div class="state error" role="alert">
                    <p>{move || i18n.t(Key::DuplicateWarning)}</p>
                    <ul>
                        {move || duplicates.get().into_iter().map(|d| view! {
                            <li><A href=format!("/organizations/{}", d.id)>{d.legal_name}</A></li>
                        }).collect_view()}
                    </ul>
                    <button type="button" disabled=move || form.busy.get() on:click={
                        let save = save.clone();
                        move |_| save(true)
                    }>{move || i18n.t(Key::CreateAnyway)}</button>
                </div>
            </Show>
            <TextField name="legal_name" label=Signal::derive(move || i18n.t(Key::LegalName)) value=legal_name errors=errors required=true autocomplete="organization"/>
            <SelectField name="org_type" label=Signal::derive(move || i18n.t(Key::OrgType)) value=org_type errors=errors options=Signal::derive(types)/>
            <SelectField name="tax_status" label=Signal::derive(move || i18n.t(Key::TaxStatusLabel)) value=tax_status errors=errors options=Signal::derive(taxes)/>
            <TextField name="ein" label=Signal::derive(move || i18n.t(Key::Ein)) value=ein errors=errors/>
            <TextField name="website" label=Signal::derive(move || i18n.t(Key::Website)) value=website errors=errors kind="url" autocomplete="url"/>
            <TextField name="address" label=Signal::derive(move || i18n.t(Key::Address)) value=address errors=errors autocomplete="street-address"/>
            <TextField name="city" label=Signal::derive(move || i18n.t(Key::City)) value=city errors=errors autocomplete="address-level2"/>
            <TextField name="postal_code" label=Signal::derive(move || i18n.t(Key::PostalCode)) value=postal_code errors=errors autocomplete="postal-code"/>
            <div class="field" class:invalid=move || errors.with(|e| e.contains_key("description"))>
                <label for="f-description">{move || i18n.t(Key::Description)}</label>
                <textarea id="f-description" rows="4" prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                <p class="field-error" aria-live="polite">{move || errors.with(|e| e.get("description").cloned())}</p>
            </div>
            <CheckList name="support_areas" legend=Signal::derive(move || i18n.t(Key::SupportAreas)) all=SupportArea::ALL
                value_name=SupportArea::as_str label=move |a| i18n.support_area(a) picked=areas errors=errors id_prefix="area-"/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>
                    {move || if form.busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
                <A href=cancel attr:class="button">{move || i18n.t(Key::Cancel)}</A>
            </div>
        </form>
    }
}
