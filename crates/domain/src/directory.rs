//! The family resource directory: partners' offers that the office publishes for families, in
//! English and Spanish, searched without an account; and the monthly counts of its views and
//! searches (no personal data), the plan's measure of families' awareness of it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::intake::SupportArea;
use crate::{OfferId, OrganizationId, SchoolId};

wire_enum!(
    /// What kind of resource a family finds.
    ResourceCategory {
        /// Food and meals.
        Food => "food",
        /// Clothing, school supplies and other basic needs.
        BasicNeeds => "basic_needs",
        /// Health, mental health and wellness.
        Health => "health",
        /// Tutoring and homework help.
        Tutoring => "tutoring",
        /// Enrichment: arts, sports, clubs.
        Enrichment => "enrichment",
        /// Learning for parents and families.
        FamilyLearning => "family_learning",
        /// Anything else.
        Other => "other",
    }
);

wire_enum!(
    /// A language a resource is offered in.
    ResourceLanguage {
        /// English.
        En => "en",
        /// Spanish.
        Es => "es",
        /// Vietnamese.
        Vi => "vi",
        /// Arabic.
        Ar => "ar",
        /// French.
        Fr => "fr",
    }
);

/// `PUT /api/v1/offers/{id}/listing`: how an offer shows in the family directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({
    "published": true, "category": "tutoring",
    "title_en": "Free math tutoring", "title_es": "Tutoría de matemáticas gratuita",
    "summary_en": "Volunteer tutors after school, grades 3 to 8.",
    "summary_es": "Tutores voluntarios después de clases, grados 3 a 8.",
    "languages": ["en", "es"], "how_to_reach": "Call 704-555-0100 or visit qcreaders.example.org"})))]
pub struct ListingInput {
    /// Shown to families (false: kept, but hidden).
    pub published: bool,
    /// What kind of resource it is.
    pub category: ResourceCategory,
    /// The title in English (1–120 characters).
    #[validate(length(min = 1, max = 120, message = "Enter a title of 1 to 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub title_en: String,
    /// The title in Spanish (1–120 characters).
    #[validate(length(min = 1, max = 120, message = "Enter a title of 1 to 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub title_es: String,
    /// What families get, in English (1–1,000 characters).
    #[validate(length(min = 1, max = 1000, message = "Describe it in 1 to 1,000 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub summary_en: String,
    /// What families get, in Spanish (1–1,000 characters).
    #[validate(length(min = 1, max = 1000, message = "Describe it in 1 to 1,000 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub summary_es: String,
    /// The languages it is offered in (at least one).
    #[validate(length(min = 1, max = 5, message = "Choose at least one language."))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub languages: Vec<ResourceLanguage>,
    /// How a family reaches it: a phone number, a website, an address (1–300 characters).
    #[validate(length(
        min = 1,
        max = 300,
        message = "Say how families reach it (1 to 300 characters)."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300))]
    pub how_to_reach: String,
}

impl ListingInput {
    /// Texts trimmed; languages sorted, without repeats.
    pub fn normalized(mut self) -> Self {
        for s in [
            &mut self.title_en,
            &mut self.title_es,
            &mut self.summary_en,
            &mut self.summary_es,
            &mut self.how_to_reach,
        ] {
            *s = s.trim().to_string();
        }
        self.languages.sort();
        self.languages.dedup();
        self
    }
}

/// An offer's listing in the family directory, as the office reads it. While the offer was
/// never listed (version 0) its texts are empty and it is not published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Listing {
    /// The offer.
    pub offer_id: OfferId,
    /// Shown to families.
    pub published: bool,
    /// What kind of resource it is.
    pub category: ResourceCategory,
    /// The title in English.
    pub title_en: String,
    /// The title in Spanish.
    pub title_es: String,
    /// What families get, in English.
    pub summary_en: String,
    /// What families get, in Spanish.
    pub summary_es: String,
    /// The languages it is offered in.
    pub languages: Vec<ResourceLanguage>,
    /// How a family reaches it.
    pub how_to_reach: String,
    /// Optimistic-concurrency version (0: never listed); also the `ETag`.
    pub version: i32,
    /// When it was last changed.
    pub updated_at: Option<DateTime<Utc>>,
}

impl Listing {
    /// The listing of an offer never listed: version 0, unpublished, empty texts.
    pub fn unlisted(offer_id: OfferId) -> Self {
        Self {
            offer_id,
            published: false,
            category: ResourceCategory::Other,
            title_en: String::new(),
            title_es: String::new(),
            summary_en: String::new(),
            summary_es: String::new(),
            languages: vec![],
            how_to_reach: String::new(),
            version: 0,
            updated_at: None,
        }
    }
}

/// A resource as families see it (`GET /api/v1/public/resources`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resource {
    /// The offer behind it.
    pub id: OfferId,
    /// The partner.
    pub organization_id: OrganizationId,
    /// The partner's name.
    pub partner_name: String,
    /// What kind of resource it is.
    pub category: ResourceCategory,
    /// The title in English.
    pub title_en: String,
    /// The title in Spanish.
    pub title_es: String,
    /// What families get, in English.
    pub summary_en: String,
    /// What families get, in Spanish.
    pub summary_es: String,
    /// The languages it is offered in.
    pub languages: Vec<ResourceLanguage>,
    /// How a family reaches it.
    pub how_to_reach: String,
    /// The support areas it helps with.
    pub support_areas: Vec<SupportArea>,
    /// The schools it names (none: not limited to schools).
    pub school_ids: Vec<SchoolId>,
}

impl Resource {
    /// Whether a search text finds it: every word of the text (case-insensitive) is in one of
    /// its titles, summaries or its partner's name.
    pub fn found_by(&self, text: &str) -> bool {
        let hay = format!(
            "{} {} {} {} {}",
            self.title_en, self.title_es, self.summary_en, self.summary_es, self.partner_name
        )
        .to_lowercase();
        text.to_lowercase()
            .split_whitespace()
            .all(|w| hay.contains(w))
    }
}

/// Filters of `GET /api/v1/public/resources`. Any filter makes the request a search in the
/// directory's counts; none, a view.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ResourceQuery {
    /// Words to find in titles, summaries and partners' names (up to 100 characters).
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Only this kind of resource.
    pub category: Option<ResourceCategory>,
    /// Only resources offered in this language.
    pub language: Option<ResourceLanguage>,
    /// Only resources that serve this school.
    pub school_id: Option<SchoolId>,
    /// Only resources that help with this support area.
    pub support_area: Option<SupportArea>,
}

impl ResourceQuery {
    /// Whether it filters (a search) or lists everything (a view).
    pub fn is_search(&self) -> bool {
        self.q.as_deref().is_some_and(|q| !q.trim().is_empty())
            || self.category.is_some()
            || self.language.is_some()
            || self.school_id.is_some()
            || self.support_area.is_some()
    }
}

/// The directory's use in one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectoryMonth {
    /// The month, `YYYY-MM` (UTC).
    pub month: String,
    /// Times the directory was opened without a filter.
    pub views: u64,
    /// Searches (with a text or a filter).
    pub searches: u64,
}

/// `GET /api/v1/metrics/directory`: the directory's use by month, newest first (up to 24).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectoryUse {
    /// Resources families can find now.
    pub published: u64,
    /// By month, newest first.
    pub months: Vec<DirectoryMonth>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource() -> Resource {
        Resource {
            id: OfferId(uuid::Uuid::nil()),
            organization_id: OrganizationId(uuid::Uuid::nil()),
            partner_name: "Queen City Readers".into(),
            category: ResourceCategory::Tutoring,
            title_en: "Free math tutoring".into(),
            title_es: "Tutoría de matemáticas".into(),
            summary_en: "After school".into(),
            summary_es: "Después de clases".into(),
            languages: vec![ResourceLanguage::En],
            how_to_reach: "704-555-0100".into(),
            support_areas: vec![],
            school_ids: vec![],
        }
    }

    #[test]
    fn a_search_finds_every_word_in_either_language() {
        let r = resource();
        assert!(r.found_by("math"));
        assert!(r.found_by("MATEMÁTICAS tutoría"));
        assert!(r.found_by("queen readers"));
        assert!(r.found_by(""));
        assert!(!r.found_by("math food"));
    }

    #[test]
    fn a_filter_makes_a_search_and_none_a_view() {
        assert!(!ResourceQuery::default().is_search());
        let blank = ResourceQuery {
            q: Some("  ".into()),
            ..Default::default()
        };
        assert!(!blank.is_search());
        let by_lang = ResourceQuery {
            language: Some(ResourceLanguage::Es),
            ..Default::default()
        };
        assert!(by_lang.is_search());
    }

    #[test]
    fn a_listing_is_trimmed_and_its_languages_unique() {
        let l = ListingInput {
            published: true,
            category: ResourceCategory::Food,
            title_en: " Pantry ".into(),
            title_es: "Despensa".into(),
            summary_en: "Food".into(),
            summary_es: "Comida".into(),
            languages: vec![
                ResourceLanguage::Es,
                ResourceLanguage::En,
                ResourceLanguage::Es,
            ],
            how_to_reach: " 704 ".into(),
        }
        .normalized();
        assert_eq!(l.title_en, "Pantry");
        assert_eq!(l.how_to_reach, "704");
        assert_eq!(
            l.languages,
            vec![ResourceLanguage::En, ResourceLanguage::Es]
        );
    }
}
