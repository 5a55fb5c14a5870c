//! Towns a shopper can search near without sharing their position: the county capitals of the
//! larger counties and the main towns, with their centre's coordinates.

/// A town the "near" picker offers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Town {
    /// The value in the URL (`near=nakuru`).
    pub slug: &'static str,
    pub name: &'static str,
    pub lat: f64,
    pub lng: f64,
}

const fn town(slug: &'static str, name: &'static str, lat: f64, lng: f64) -> Town {
    Town {
        slug,
        name,
        lat,
        lng,
    }
}

/// In the order the picker lists them: by size, roughly.
pub const TOWNS: [Town; 18] = [
    town("nairobi", "Nairobi", -1.2921, 36.8219),
    town("mombasa", "Mombasa", -4.0435, 39.6682),
    town("kisumu", "Kisumu", -0.0917, 34.7680),
    town("nakuru", "Nakuru", -0.3031, 36.0800),
    town("eldoret", "Eldoret", 0.5143, 35.2698),
    town("thika", "Thika", -1.0333, 37.0693),
    town("machakos", "Machakos", -1.5177, 37.2634),
    town("nyeri", "Nyeri", -0.4201, 36.9476),
    town("meru", "Meru", 0.0463, 37.6559),
    town("kakamega", "Kakamega", 0.2827, 34.7519),
    town("kisii", "Kisii", -0.6817, 34.7668),
    town("malindi", "Malindi", -3.2192, 40.1169),
    town("kitale", "Kitale", 1.0157, 35.0062),
    town("garissa", "Garissa", -0.4532, 39.6461),
    town("naivasha", "Naivasha", -0.7167, 36.4333),
    town("kericho", "Kericho", -0.3689, 35.2863),
    town("embu", "Embu", -0.5373, 37.4575),
    town("nanyuki", "Nanyuki", 0.0167, 37.0667),
];

/// The `near` value that keeps the coordinates already in the URL ("my location").
pub const HERE: &str = "here";

pub fn find(slug: &str) -> Option<&'static Town> {
    TOWNS.iter().find(|t| t.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_are_unique_and_in_kenya() {
        for (i, t) in TOWNS.iter().enumerate() {
            assert_eq!(find(t.slug), Some(t));
            assert!(TOWNS[..i].iter().all(|o| o.slug != t.slug));
            assert!(
                (-4.8..=5.1).contains(&t.lat) && (33.9..=42.0).contains(&t.lng),
                "{t:?}"
            );
        }
        assert_eq!(find(HERE), None);
    }
}
