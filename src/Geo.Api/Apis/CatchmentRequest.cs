using System.Globalization;
using Geo.Api.Hosting;
using Geo.Core.Catchments;
using Geo.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// A catchment request's <c>method</c> and <c>threshold</c> resolved against the dataset: the options and the
/// catchments they give (built once per method and threshold, then shared). Immutable.
/// </summary>
public sealed record CatchmentRequest(Dataset Dataset, CatchmentOptions Options, CatchmentSet Set)
{
    public const string MethodHelp = "proportional (default): every provider used by at least the threshold share of a neighbourhood's "
        + "residents who use any; fptp: first past the post, the provider used by most (ties to the first code).";

    public const string ThresholdHelp = "For method=proportional: the least share of a neighbourhood's flow that makes it a member, "
        + "more than 0 and at most 1 (default 0.3). Ignored by fptp.";

    /// <summary>Resolves the parameters, or gives the problem (404 without a flow table, 400 naming a bad parameter).</summary>
    public static ProblemHttpResult? TryResolve(DatasetHost host, string? method, string? threshold, out CatchmentRequest request)
    {
        request = null!;
        var dataset = host.Dataset;
        if (dataset.Flows is null)
        {
            return ApiProblems.NoCatchments(dataset.Name);
        }

        CatchmentMethod parsed;
        switch (method?.ToLowerInvariant())
        {
            case null or "proportional": parsed = CatchmentMethod.ProportionalFlow; break;
            case "fptp": parsed = CatchmentMethod.FirstPastThePost; break;
            default: return ApiProblems.BadParameter("method", $"method must be proportional or fptp, not '{method}'.");
        }

        var share = CatchmentOptions.DefaultThreshold;
        if (threshold is not null && parsed == CatchmentMethod.ProportionalFlow
            && (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out share) || !(share > 0 && share <= 1)))
        {
            return ApiProblems.BadParameter("threshold",
                $"threshold must be a number more than 0 and at most 1 (a share of the neighbourhood's flow, e.g. 0.3), not '{threshold}'.");
        }

        var options = new CatchmentOptions { Method = parsed, Threshold = share };
        request = new CatchmentRequest(dataset, options, dataset.Catchments(options));
        return null;
    }

    /// <summary>"proportional" or "fptp", as in the URL.</summary>
    public string MethodName => Options.Method == CatchmentMethod.ProportionalFlow ? "proportional" : "fptp";

    /// <summary>The threshold, or null for first past the post.</summary>
    public double? Threshold => Options.Method == CatchmentMethod.ProportionalFlow ? Options.Threshold : null;

    /// <summary>The catchment of <paramref name="provider"/>, or the 404 problem.</summary>
    public ProblemHttpResult? TryFind(string provider, out Catchment catchment)
    {
        catchment = Set.Find(provider)!;
        return catchment is null ? ApiProblems.UnknownProvider(provider, Dataset.Flows!.Providers) : null;
    }

    /// <summary>The members' residents, each counted with its weight (all of a first-past-the-post member, its flow
    /// share of a proportional one).</summary>
    public double Population(Catchment catchment)
    {
        var total = 0.0;
        foreach (var m in catchment.Members)
        {
            if (Dataset.Population.TryGetValue(m.Neighbourhood, out var bands))
            {
                total += m.Weight * bands.Sum();
            }
        }

        return total;
    }

    /// <summary>How the catchments were made, for answers: method and threshold in words.</summary>
    public string Describe() => Options.Describe();
}
