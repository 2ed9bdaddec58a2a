using ECourt.Application.Calendar;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Calendar;

/// <summary>Settings of the court calendar (ECourt:Calendar).</summary>
public sealed class CalendarOptions
{
    /// <summary>How often a host reads the published arrangements again (an arrangement published on another instance).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Loads the published holiday arrangements into the court calendar when a host starts, and again at every interval, so
/// an arrangement an administrator published on another instance reaches this one. A deadline a host counts before it
/// hears of a publication is marked provisional and counted again by the lifecycle sweep.
/// </summary>
public sealed class CalendarRefresh(LoadCourtCalendar load, IOptions<CalendarOptions> options, ILogger<CalendarRefresh> log)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await LoadAsync(stoppingToken);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            await load.RunAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The calendar keeps what it had (the built-in years at least); deadlines counted meanwhile are provisional.
            log.LogWarning(ex, "The published holiday arrangements could not be read; trying again in {Interval}",
                options.Value.RefreshInterval);
        }
    }
}
