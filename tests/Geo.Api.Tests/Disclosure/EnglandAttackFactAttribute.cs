using Geo.Tests;

namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// The England disclosure attack: needs ../shared/data/england and GEO_DISCLOSURE_ENGLAND=1, since it asks the server for
/// every area's answers of every indicator and solves the sums of tens of thousands of hidden counts (longer than a CI run
/// should wait on a 2-core machine); the demo and upload attacks run always.
/// </summary>
internal sealed class EnglandAttackFactAttribute : FactAttribute
{
    public EnglandAttackFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("GEO_DISCLOSURE_ENGLAND") != "1")
        {
            Skip = "The England disclosure attack runs only with GEO_DISCLOSURE_ENGLAND=1 (docs/reliability.md, \"Disclosure control, attacked\").";
        }
        else if (SharedData.EnglandDirectory is null)
        {
            Skip = EnglandFactAttribute.Message;
        }
    }
}
