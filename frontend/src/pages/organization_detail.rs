//! One organization: details, contacts (add, edit, remove, give a partner login), history.

use domain::audit::{AuditEntity, AuditEvent};
use domain::organization::{Contact, ContactInput, Organization};
use domain::{ContactId, Permission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use std::collections::HashMap;

use crate::api::{error_text, use_auth};
use crate::components::field::{CheckField, TextField};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{Key, use_i18n};
use crate::pages::organization_form::organization_id_param;

type OrgSignal = RwSignal<Option<Result<Organization, String>>>;

/// The organization page.
#[component]
pub fn OrganizationDetail() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let id = organization_id_param();
    let org: OrgSignal = RwSignal::new(None);
    let load = move || {
        let Some(id) = id.get_untracked() else {
            org.set(Some(Err(i18n.t(Key::NotFoundText).to_string())));
            return;
        };
        org.set(None);
        spawn_local(async move {
            let res = auth
                .call(|c| async move { c.get_organization(id).await })
                .await;
            org.set(Some(res.map_err(|e| error_text(&i18n, &e))));
        });
    };
    Effect::new(move |_| {
        id.track();
        load();
    });
    let manage = move || auth.can(Permission::ManageOrganizations);
    let own = move || {
        let mine = auth.me.with(|m| m.as_ref().and_then(|m| m.organization_id));
        mine.is_some() && mine == id.get()
    };
    let edit_contacts = move || manage() || own();

    view! {
        <section class="page">
            <p><A href="/organizations">{move || format!("← {}", i18n.t(Key::NavOrganizations))}</A></p>
            {move || match org.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load())/> }.into_any(),
                Some(Ok(o)) => {
                    let oid = o.id;
                    let areas = o.support_areas.clone();
                    let contacts = o.contacts.clone();
                    view! {
                        <div class="page-head">
                            <h1>{o.legal_name.clone()}</h1>
                            <Show when=manage>
                                <A href=format!("/organizations/{oid}/edit") attr:class="button primary">{move || i18n.t(Key::Edit)}</A>
                            </Show>
                        </div>
                        <dl class="details">
                            <dt>{move || i18n.t(Key::OrgType)}</dt><dd>{move || i18n.org_type(o.org_type)}</dd>
                            <dt>{move || i18n.t(Key::TaxStatusLabel)}</dt><dd>{move || i18n.tax_status(o.tax_status)}</dd>
                            <dt>{move || i18n.t(Key::Status)}</dt><dd>{move || i18n.org_status(o.status)}</dd>
                            <dt>"EIN"</dt><dd>{o.ein.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || i18n.t(Key::Website)}</dt>
                            <dd>{if o.website.is_empty() { view! { "—" }.into_any() } else {
                                view! { <a href=o.website.clone() rel="noopener noreferrer" target="_blank">{o.website.clone()}</a> }.into_any()
                            }}</dd>
                            <dt>{move || i18n.t(Key::Address)}</dt><dd>{format!("{} {} {}", o.address, o.city, o.postal_code)}</dd>
                            <dt>{move || i18n.t(Key::SupportAreas)}</dt>
                            <dd>{move || areas.iter().map(|a| i18n.support_area(*a)).collect::<Vec<_>>().join(", ")}</dd>
                            <dt>{move || i18n.t(Key::Description)}</dt><dd class="prewrap">{o.description.clone()}</dd>
                        </dl>
                        <h2>{move || i18n.t(Key::Contacts)}</h2>
                        {if contacts.is_empty() {
                            view! { <Empty text=Signal::derive(move || i18n.t(Key::NoContacts).to_string())/> }.into_any()
                        } else {
                            view! {
                                <ul class="cards">
                                    {contacts.into_iter().map(|c| view! { <ContactCard org=org contact=c editable=Signal::derive(edit_contacts)/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <Show when=edit_contacts>
                            <details class="import">
                                <summary>{move || i18n.t(Key::AddContact)}</summary>
                                <ContactForm org=org existing=None/>
                            </details>
                        </Show>
                        <Show when=manage>
                            <History id=oid.to_string()/>
                        </Show>
                    }.into_any()
                }
            }}
        </section>
    }
}

fn current(org: OrgSignal) -> Option<Organization> {
    org.get_untracked().and_then(|r| r.ok())
}

#[component]
fn ContactCard(org: OrgSignal, contact: Contact, editable: Signal<bool>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let message = RwSignal::new(None::<String>);
    let password = RwSignal::new(String::new());
    let pw_errors = RwSignal::new(HashMap::<String, String>::new());
    let busy = RwSignal::new(false);
    let cid = contact.id;
    let remove = move |_| {
        let Some(o) = current(org) else { return };
        busy.set(true);
        spawn_local(async move {
            match auth
                .call(|c| async move { c.remove_contact(o.id, o.version, cid).await })
                .await
            {
                Ok(updated) => org.set(Some(Ok(updated))),
                Err(e) => message.set(Some(error_text(&i18n, &e))),
            }
            busy.set(false);
        });
    };
    let give_login = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(o) = current(org) else { return };
        busy.set(true);
        pw_errors.set(HashMap::new());
        spawn_local(async move {
            let pw = password.get_untracked();
            match auth
                .call(|c| {
                    let pw = pw.clone();
                    async move { c.give_contact_login(o.id, cid, &pw).await }
                })
                .await
            {
                Ok(updated) => org.set(Some(Ok(updated))),
                Err(e) => {
                    pw_errors.set(crate::api::field_errors(&i18n, &e));
                    message.set(Some(error_text(&i18n, &e)));
                }
            }
            busy.set(false);
        });
    };
    let manage = move || auth.can(Permission::ManageOrganizations);
    let has_login = contact.has_login;
    let prefix = StoredValue::new(format!("c{}-login-", cid.0.simple()));
    view! {
        <li class="card">
            <span class="card-title">{contact.name.clone()}
                {contact.is_primary.then(|| view! { <span class="badge">{move || i18n.t(Key::PrimaryContact)}</span> })}
                {has_login.then(|| view! { <span class="badge">{move || i18n.t(Key::HasLogin)}</span> })}
            </span>
            <span class="meta">{contact.title.clone()}</span>
            <span class="meta"><a href=format!("mailto:{}", contact.email)>{contact.email.clone()}</a>
                {(!contact.phone.is_empty()).then(|| view! { " · " <a href=format!("tel:{}", contact.phone)>{contact.phone.clone()}</a> })}
            </span>
            <Show when=move || message.get().is_some()>
                <div class="state error" role="alert">{move || message.get()}</div>
            </Show>
            <Show when=move || editable.get()>
                <details>
                    <summary>{move || i18n.t(Key::Edit)}</summary>
                    <ContactForm org=org existing=Some(contact.clone())/>
                    <Show when=manage>
                        <div class="actions">
                            <button type="button" disabled=move || busy.get() on:click=remove>{move || i18n.t(Key::Remove)}</button>
                        </div>
                    </Show>
                    <Show when=move || manage() && !has_login>
                        <form class="form" on:submit=give_login novalidate>
                            <TextField name="password" id_prefix=prefix.try_get_value().unwrap_or_default() label=Signal::derive(move || i18n.t(Key::TempPassword)) value=password errors=pw_errors kind="password" autocomplete="new-password"/>
                            <button type="submit" disabled=move || busy.get()>{move || i18n.t(Key::GiveLogin)}</button>
                        </form>
                    </Show>
                </details>
            </Show>
        </li>
    }
}

#[component]
fn ContactForm(org: OrgSignal, existing: Option<Contact>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let e = existing.as_ref();
    let name = RwSignal::new(e.map(|c| c.name.clone()).unwrap_or_default());
    let title = RwSignal::new(e.map(|c| c.title.clone()).unwrap_or_default());
    let email = RwSignal::new(e.map(|c| c.email.clone()).unwrap_or_default());
    let phone = RwSignal::new(e.map(|c| c.phone.clone()).unwrap_or_default());
    let primary = RwSignal::new(e.is_some_and(|c| c.is_primary));
    let errors = RwSignal::new(HashMap::<String, String>::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let target: Option<ContactId> = existing.as_ref().map(|c| c.id);
    // Field ids must be unique on the page: one form per contact plus the "add" form.
    let prefix = target
        .map(|c| format!("c{}", c.0.simple()))
        .unwrap_or_else(|| "new".into());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(o) = current(org) else { return };
        let input = ContactInput {
            name: name.get_untracked(),
            title: title.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            is_primary: primary.get_untracked(),
        };
        busy.set(true);
        message.set(None);
        errors.set(HashMap::new());
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match target {
                            Some(cid) => c.update_contact(o.id, o.version, cid, &input).await,
                            None => c.add_contact(o.id, o.version, &input).await,
                        }
                    }
                })
                .await;
            busy.set(false);
            match res {
                Ok(updated) => org.set(Some(Ok(updated))),
                Err(e) => {
                    errors.set(crate::api::field_errors(&i18n, &e));
                    message.set(Some(error_text(&i18n, &e)));
                }
            }
        });
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <Show when=move || message.get().is_some()>
                <div class="state error" role="alert">{move || message.get()}</div>
            </Show>
            <TextField name="name" id_prefix=prefix.clone() label=Signal::derive(move || i18n.t(Key::ContactName)) value=name errors=errors required=true autocomplete="name"/>
            <TextField name="title" id_prefix=prefix.clone() label=Signal::derive(move || i18n.t(Key::JobTitle)) value=title errors=errors autocomplete="organization-title"/>
            <TextField name="email" id_prefix=prefix.clone() label=Signal::derive(move || i18n.t(Key::Email)) value=email errors=errors kind="email" required=true autocomplete="email"/>
            <TextField name="phone" id_prefix=prefix.clone() label=Signal::derive(move || i18n.t(Key::Phone)) value=phone errors=errors kind="tel" autocomplete="tel"/>
            <CheckField name="is_primary" id_prefix=prefix.clone() label=Signal::derive(move || i18n.t(Key::PrimaryContact)) value=primary/>
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Key::Saving) } else if target.is_some() { i18n.t(Key::Save) } else { i18n.t(Key::AddContact) }}
            </button>
        </form>
    }
}

#[component]
fn History(id: String) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let events = RwSignal::new(None::<Result<Vec<AuditEvent>, String>>);
    spawn_local(async move {
        let res = auth
            .call(|c| {
                let id = id.clone();
                async move { c.audit(AuditEntity::Organization, &id).await }
            })
            .await;
        events.set(Some(res.map_err(|e| error_text(&i18n, &e))));
    });
    view! {
        <h2>{move || i18n.t(Key::History)}</h2>
        {move || match events.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone())/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoHistory).to_string())/> }.into_any(),
            Some(Ok(list)) => view! {
                <ol class="history">
                    {list.into_iter().map(|e| view! {
                        <li>
                            <time datetime=e.at.to_rfc3339()>{e.at.format("%Y-%m-%d %H:%M UTC").to_string()}</time>
                            " · " <strong>{e.action.as_str()}</strong>
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}
