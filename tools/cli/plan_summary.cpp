#include "plan_summary.hpp"

#include <cmath>
#include <cstdint>
#include <functional>
#include <iomanip>
#include <limits>

#include "inputs.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string area_list(const CoverageIndex& areas, const LonLat& p) {
    std::string list;
    for (const std::size_t a : areas.areas_containing(p)) {
        list += (list.empty() ? "" : ", ") + areas.areas()[a].name;
    }
    return list;
}

// How costs read: kilometres, or minutes by road time.
struct CostUnit {
    bool time = false;
    std::string format(double cost) const {
        if (cost == kInf) return "unreachable";
        return time ? format_fixed(cost / 60.0, 1) + " min" : format_km(cost);
    }
};

// The figure an objective optimises, as text: "max 15.5 km", "mean 6.3 km", "97.1 % within".
std::string objective_text(Objective objective, const PlanValue& v, const CostUnit& unit,
                           const std::string& within_text) {
    switch (objective) {
        case Objective::PCenter:
            return "max " + unit.format(v.max_cost) + " (weighted mean " +
                   unit.format(v.mean_cost) + ")";
        case Objective::PMedian:
            return "weighted mean " + unit.format(v.mean_cost) + " (max " +
                   unit.format(v.max_cost) + ")";
        case Objective::MaxCoverage:
        case Objective::Cover:
            break;
    }
    return format_fixed(v.covered_weight, 0) + " within " + within_text + " (" +
           format_fixed(100.0 * v.covered_weight / v.total_weight, 1) + " %; weighted mean " +
           unit.format(v.mean_cost) + ")";
}

// Two columns, before and after.
void print_row(std::ostream& out, const std::string& label, const std::string& before,
               const std::string& after) {
    out << "  " << std::left << std::setw(34) << label << std::setw(16) << before << after << "\n";
}

std::string share_text(double part, double total) {
    return format_fixed(total > 0 ? 100.0 * part / total : 0.0, 1) + " %";
}

std::string site_id(const std::vector<Site>& sites, const std::optional<std::size_t>& s) {
    return s ? sites[*s].id : std::string("none");
}

std::string area_label(const Area& a, bool code_alone_when_unnamed) {
    if (code_alone_when_unnamed && a.name.empty()) return a.code;
    return a.name + " (" + a.code + ")";
}

void print_inputs(std::ostream& out, const PlanOptions& plan, const PlanInputs& in,
                  const PlanRun& run) {
    const CoverageIndex& areas = *in.areas;
    out << "areas: " << areas.areas().size() << " " << plan.noun << " from " << in.areas_path
        << "\n";
    out << "origins: " << in.codes.size() << " from " << in.origins_path;
    if (in.weighted) {
        out << ", weighted by population (" << in.population_path << ")";
        if (in.without_population > 0)
            out << "; " << in.without_population << " without a population";
    } else {
        out << ", each weighing 1 (no population)";
    }
    out << "\n";
    out << "sites: " << in.site_set.sites.size() << " from " << in.site_set.path;
    for (const SiteChange& c : run.changes) {
        if (c.change == SiteChangeKind::Removed)
            out << "; removed " << c.site.id << " " << c.site.name;
        if (c.change == SiteChangeKind::Added)
            out << "; added " << c.site.id << " " << c.site.name << " at "
                << to_string(c.site.position) << " (" << area_list(areas, c.site.position) << ")";
    }
    out << "\n";
}

// The weighted mean access index (2SFCA within the threshold, 1 per site) before and after.
void print_access(std::ostream& out, const PlanRun& run) {
    if (!run.mean_access_before && !run.mean_access_after) return;
    const auto index = [](const std::optional<double>& v) {
        return v ? format_fixed(*v, 3) : std::string("-");
    };
    print_row(out, "mean access index (2SFCA)", index(run.mean_access_before),
              index(run.mean_access_after));
}

void print_figures(std::ostream& out, const PlanOptions& plan, const PlanInputs& in,
                   const PlanRun& run) {
    const ScenarioFigures& fb = run.figures_before;
    const ScenarioFigures& fa = run.figures_after;
    const auto covered_text = [](const ScenarioFigures& f) {
        return std::to_string(f.covered) + "/" + std::to_string(f.areas);
    };
    const std::size_t suggested = run.suggestion ? run.suggestion->changes.size() : 0;
    const std::string after_label =
        run.suggestion ? "after (+" + std::to_string(suggested) + " suggested)" : "after";
    const std::string weight_noun = in.weighted ? "population" : "origins";
    print_row(out, "", "before", after_label);
    print_row(out, plan.noun + " covered", covered_text(fb), covered_text(fa));
    print_row(out, "crow-fly distance: max", format_km(fb.max_m), format_km(fa.max_m));
    print_row(out, "crow-fly distance: mean", format_km(fb.mean_m), format_km(fa.mean_m));
    if (in.weighted) {
        print_row(out, "  population-weighted mean", format_km(fb.weighted_mean_m),
                  format_km(fa.weighted_mean_m));
    }
    print_row(out, weight_noun + " within " + format_km(plan.within_m),
              share_text(fb.weight_within_m, fb.total_weight),
              share_text(fa.weight_within_m, fa.total_weight));
    print_access(out, run);
    if (!in.roads) return;
    const auto reach = [&](const ScenarioFigures& f) {
        return std::to_string(f.reachable) + "/" + std::to_string(in.codes.size());
    };
    const auto minutes = [](double s) { return format_fixed(s / 60.0, 1) + " min"; };
    print_row(out, "reachable by road", reach(fb), reach(fa));
    print_row(out, "travel time: max", minutes(fb.max_s), minutes(fa.max_s));
    print_row(out, "travel time: mean", minutes(fb.mean_s), minutes(fa.mean_s));
    if (in.weighted) {
        print_row(out, "  population-weighted mean", minutes(fb.weighted_mean_s),
                  minutes(fa.weighted_mean_s));
    }
    print_row(out, weight_noun + " within " + format_fixed(in.within_s / 60.0, 0) + " min",
              share_text(fb.weight_within_s, fb.total_weight),
              share_text(fa.weight_within_s, fa.total_weight));
}

void print_changed(std::ostream& out, const PlanInputs& in, const PlanRun& run) {
    const auto& areas = in.areas->areas();
    const ScenarioFigures& fa = run.figures_after;
    if (!fa.uncovered.empty()) {
        std::vector<std::string> names;
        for (const std::size_t a : fa.uncovered) names.push_back(area_label(areas[a], true));
        out << "uncovered after: " << first_items(names) << "\n";
    }
    std::vector<std::string> newly_uncovered;
    for (std::size_t a = 0; a < fa.areas; ++a) {
        if (run.before.coverage[a].covered() && !run.after.coverage[a].covered())
            newly_uncovered.push_back(area_label(areas[a], false));
    }
    if (!newly_uncovered.empty())
        out << "left uncovered by the change: " << first_items(newly_uncovered) << "\n";
    // Origins whose nearest site changes.
    const bool roads = in.roads != nullptr;
    std::vector<std::string> moved;
    for (std::size_t i = 0; i < in.codes.size(); ++i) {
        const OriginOutcome& b = run.before.origins[i];
        const OriginOutcome& a = run.after.origins[i];
        const std::string from = site_id(in.site_set.sites, roads ? b.road_site : b.site);
        const std::string to = site_id(run.final_sites, roads ? a.road_site : a.site);
        if (from != to) moved.push_back(in.names[i] + " " + in.codes[i] + " " + from + " -> " + to);
    }
    out << "origins whose nearest site " << (roads ? "by road " : "") << "changes: " << moved.size()
        << "/" << in.codes.size();
    if (!moved.empty()) out << ": " << first_items(moved, 8);
    out << "\n";
}

// The answer's proof: "bound 24.8 km, gap 0.00 %, proven optimal (set covering (CBC), 1.2 s)".
std::string quality_text(const PlanQuality& q, Objective objective, const CostUnit& unit) {
    const auto figure = [&](double x) {
        if (objective == Objective::Cover) return format_fixed(x, 0) + " new site(s)";
        if (objective == Objective::MaxCoverage) return format_fixed(x, 0) + " within";
        return unit.format(x);
    };
    std::string text = "bound " + figure(q.bound) + ", gap ";
    text += std::isinf(q.gap) ? std::string("unknown") : format_fixed(100.0 * q.gap, 2) + " %";
    text += q.proven_optimal       ? ", proven optimal"
            : q.time_limit_reached ? ", time limit reached"
                                   : ", not proven";
    return text + " (" + q.method + ", " + format_fixed(q.solve_s, 2) + " s)";
}

std::string suggestion_header(const PlanOptions& plan, const PlanInputs& in, const Suggestion& s,
                              const std::string& within_text) {
    const bool time = in.roads && in.roads->query_options.metric == RoadMetric::Time;
    const std::string cost_name = !in.roads ? "crow-fly distance"
                                  : time    ? "travel time"
                                            : "road distance";
    const std::string what = plan.cover
                                 ? "cover: every origin within " + within_text + " needs " +
                                       std::to_string(s.result.chosen.size()) + " new site(s)"
                                 : "suggest " + std::to_string(plan.suggest_k) + " new site(s)";
    return what + ": " + plan.objective_name + " on " + cost_name + ", " +
           std::to_string(s.candidate_count) + " candidates, " + std::to_string(s.pair_count) +
           " useful origin/candidate pairs (table " + format_fixed(s.table_s, 2) + " s, search " +
           format_fixed(s.search_s, 2) + " s)\n";
}

// The heuristic's steps, the exhaustive optimum (k <= 2) and the certified answer.
void print_search(std::ostream& out, const PlanOptions& plan, const Suggestion& s,
                  const std::function<std::string(const PlanValue&)>& text, const CostUnit& unit) {
    if (!plan.cover) {
        out << "  greedy:  " << text(s.heuristic.greedy) << "\n";
        out << "  after " << s.heuristic.swaps << " swap(s): " << text(s.heuristic.value) << "\n";
    }
    if (s.exact) {
        out << "  exhaustive optimum over " << subset_count(s.candidate_count, plan.suggest_k)
            << " candidate sets (" << format_fixed(s.exact_s, 2) << " s): " << text(s.exact->value);
        const bool equal = !plan_better(s.exact->value, s.heuristic.value, plan.objective);
        out << (equal ? "; the heuristic reaches it (gap 0)" : "; the heuristic falls short")
            << "\n";
    } else if (s.exact_skipped_sets) {
        out << "  exhaustive search skipped: " << *s.exact_skipped_sets
            << " candidate sets > --exhaustive-limit " << plan.exhaustive_limit << "\n";
    }
    if (!s.quality) return;
    const bool improved =
        !plan.cover && plan_better(s.result.value, s.heuristic.value, plan.objective);
    out << "  certified: " << text(s.result.value)
        << (improved ? " (better than the heuristic)" : "") << "; "
        << quality_text(*s.quality, plan.objective, unit) << "\n";
}

void print_suggestion(std::ostream& out, const PlanOptions& plan, const PlanInputs& in,
                      const PlanRun& run) {
    const Suggestion& s = *run.suggestion;
    const CostUnit unit{in.roads && in.roads->query_options.metric == RoadMetric::Time};
    const std::string within_text =
        unit.time ? format_fixed(in.within_s / 60.0, 0) + " min" : format_km(plan.within_m);
    out << suggestion_header(plan, in, s, within_text);
    if (plan.cover_areas) {
        std::vector<std::string> forced;
        for (const std::size_t a : s.covered_by_force)
            forced.push_back(area_label(in.areas->areas()[a], false));
        out << "  --cover-areas: "
            << (forced.empty() ? std::string("every area already holds a site")
                               : "a new site in " + first_items(forced))
            << "\n";
    }
    const auto text = [&](const PlanValue& v) {
        return objective_text(plan.objective, v, unit, within_text);
    };
    out << "  before:  " << text(s.result.before) << "\n";
    print_search(out, plan, s, text, unit);
    for (const SiteChange& c : run.changes) {
        if (c.change != SiteChangeKind::Suggested) continue;
        out << "  " << c.site.id << ": " << c.site.name << " at " << to_string(c.site.position)
            << " (" << area_list(*in.areas, c.site.position) << "), nearest site of " << c.origins
            << " origin(s)";
        if (in.weighted) out << ", " << format_fixed(c.population, 0) << " inhabitants";
        out << "\n";
    }
}

}  // namespace

void print_plan_summary(std::ostream& out, const PlanOptions& plan, const PlanInputs& in,
                        const PlanRun& run) {
    print_inputs(out, plan, in, run);
    print_figures(out, plan, in, run);
    print_changed(out, in, run);
    if (run.suggestion) print_suggestion(out, plan, in, run);
    for (const SiteChange& c : run.changes) {
        if (c.change != SiteChangeKind::Added) continue;
        out << "  " << c.site.id << " " << c.site.name << ": nearest site "
            << (in.roads ? "by road " : "") << "of " << c.origins << " origin(s)";
        if (in.weighted) out << ", " << format_fixed(c.population, 0) << " inhabitants";
        out << "\n";
    }
}

void print_plan_written(std::ostream& out, const PlanOptions& plan) {
    if (!plan.output_path.empty() && plan.output_path != "-")
        out << "wrote " << plan.output_path << "\n";
    if (!plan.sites_output_path.empty()) out << "wrote " << plan.sites_output_path << "\n";
}

}  // namespace sitecover::cli
