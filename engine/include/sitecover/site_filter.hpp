#pragma once
/// @file
/// Keeping the sites of an audit: by type and by labelling date (the library call behind the
/// CLI's `--site-types` and `--as-of`; `--sites-where`, an OGR SQL filter, is applied while
/// reading, through geodata::LayerSource::where).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// Which sites to keep. Default: all of them.
struct SiteFilter {
    /// Keep the sites whose Site::kind is one of these, compared case-insensitively ("principal"
    /// keeps "Principal"). Empty: every type.
    std::vector<std::string> types;
    /// Keep the sites labelled on or before this ISO date (YYYY-MM-DD, Site::labelled_on);
    /// sites without a labelling date are then left out and counted. Empty: no date filter.
    std::optional<std::string> as_of_iso;
};

/// The sites a filter kept, and what it read.
struct FilteredSites {
    std::vector<Site> sites;  ///< kept, in input order
    std::size_t read = 0;     ///< sites given to the filter
    std::size_t undated = 0;  ///< left out by as_of_iso for lack of a labelling date
};

/// Thrown by filter_sites when an entry of SiteFilter::types matches no site (a typo, not an
/// empty network): what() reads "site_types: no site of type 'Foo' (types present: Antenne,
/// Principal)" (field() "site_types", the request's name for SiteFilter::types); the lists
/// let a caller word its own message.
class UnknownSiteTypeError : public ArgumentError {
public:
    /// `unmatched`: the entries of SiteFilter::types as given; `present`: the distinct
    /// Site::kind values, sorted ("" for sites without a type).
    UnknownSiteTypeError(std::vector<std::string> unmatched, std::vector<std::string> present);
    /// The entries of SiteFilter::types that match no site, as given.
    const std::vector<std::string>& unmatched() const noexcept { return unmatched_; }
    /// The types present among the sites, sorted ("" for sites without a type).
    const std::vector<std::string>& present() const noexcept { return present_; }

private:
    std::vector<std::string> unmatched_;
    std::vector<std::string> present_;
};

/// Whether `text` is a valid calendar date YYYY-MM-DD (leap years included). Thread-safe.
bool is_iso_date(const std::string& text);

/// The sites `filter` keeps. Throws ArgumentError with field() "as_of" (SiteFilter::as_of_iso)
/// when it is not a date (see is_iso_date), and UnknownSiteTypeError when a wanted type matches no
/// site. O(sites × types). Thread-safe.
FilteredSites filter_sites(std::vector<Site> sites, const SiteFilter& filter);

}  // namespace sitecover
