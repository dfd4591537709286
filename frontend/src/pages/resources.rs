//! `/resources`: the public family resource directory, phone-first, in English and Spanish, no
//! account needed. A family searches by words, kind of help, language and school; each
//! resource says who offers it and how to reach it. Each search is counted by the server,
//! by month and nothing else.

use domain::SchoolId;
use domain::directory::{Resource, ResourceCategory, ResourceLanguage, ResourceQuery};
use leptos::prelude::*;

use crate::components::load::{LoadedView, load};
use crate::components::status::Empty;
use crate::i18n::{Key, Lang, use_i18n};

/// The directory page.
#[component]
pub fn ResourcesPage() -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    // What was last searched: the list follows it, not each keystroke.
    let asked = RwSignal::new(ResourceQuery::default());
    let schools = load(|| (), |c, ()| async move { c.public_schools().await });
    let found = load(
        move || asked.get(),
        |c, q| async move { c.public_resources(&q).await },
    );
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = text.get_untracked();
        asked.set(ResourceQuery {
            q: (!q.trim().is_empty()).then(|| q.trim().to_string()),
            category: ResourceCategory::parse(&category.get_untracked()),
            language: ResourceLanguage::parse(&language.get_untracked()),
            school_id: school.get_untracked().parse::<SchoolId>().ok(),
            support_area: None,
        });
    };
    view! {
        <section class="page">
            <h1>{move || i18n.t(Key::ResourcesTitle)}</h1>
            <p class="muted">{move || i18n.t(Key::ResourcesIntro)}</p>
            <form class="filters" role="search" on:submit=search>
                <div class="field">
                    <label for="resources-q">{move || i18n.t(Key::ResourcesSearch)}</label>
                    <input id="resources-q" type="search" maxlength="100" autocomplete="off"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="resources-category">{move || i18n.t(Key::ResourcesCategory)}</label>
                    <select id="resources-category" on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="" selected=move || category.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {ResourceCategory::ALL.iter().map(|c| {
                            let c = *c;
                            view! { <option value=c.as_str() selected=move || category.get() == c.as_str()>{move || i18n.resource_category(c)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="resources-language">{move || i18n.t(Key::ResourcesLanguage)}</label>
                    <select id="resources-language" on:change=move |ev| language.set(event_target_value(&ev))>
                        <option value="" selected=move || language.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {ResourceLanguage::ALL.iter().map(|l| {
                            let l = *l;
                            view! { <option value=l.as_str() selected=move || language.get() == l.as_str()>{move || i18n.resource_language(l)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="resources-school">{move || i18n.t(Key::ResourcesSchool)}</label>
                    <select id="resources-school" on:change=move |ev| school.set(event_target_value(&ev))>
                        <option value="" selected=move || school.get().is_empty()>{move || i18n.t(Key::Any)}</option>
                        {move || schools.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|s| {
                            let v = s.id.to_string();
                            let picked = v.clone();
                            view! { <option value=v selected=move || school.get() == picked>{s.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{move || i18n.t(Key::ResourcesFind)}</button>
                </div>
            </form>
            <LoadedView resource=found render={move |list: Vec<Resource>| if list.is_empty() {
                view! { <Empty text=Signal::derive(move || i18n.t(Key::ResourcesNone).to_string())/> }.into_any()
            } else {
                view! { <ResourceCards resources=list/> }.into_any()
            }}/>
        </section>
    }
}

#[component]
fn ResourceCards(resources: Vec<Resource>) -> impl IntoView {
    let i18n = use_i18n();
    let es = move || i18n.lang.get() == Lang::Es;
    view! {
        <ul class="cards" id="resources-list">
            {resources.into_iter().map(|r| {
                let (title_en, title_es) = (r.title_en.clone(), r.title_es.clone());
                let (summary_en, summary_es) = (r.summary_en.clone(), r.summary_es.clone());
                let languages = r.languages.clone();
                view! {
                    <li class="card">
                        <h2 class="card-title">{move || if es() { title_es.clone() } else { title_en.clone() }}</h2>
                        <span class="meta"><span class="badge">{move || i18n.resource_category(r.category)}</span></span>
                        <p>{move || if es() { summary_es.clone() } else { summary_en.clone() }}</p>
                        <dl class="facts">
                            <dt>{move || i18n.t(Key::ResourcesFrom)}</dt>
                            <dd>{r.partner_name.clone()}</dd>
                            <dt>{move || i18n.t(Key::ResourcesOffered)}</dt>
                            <dd>{move || languages.iter().map(|l| i18n.resource_language(*l)).collect::<Vec<_>>().join(", ")}</dd>
                            <dt>{move || i18n.t(Key::ResourcesReach)}</dt>
                            <dd>{r.how_to_reach.clone()}</dd>
                        </dl>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
