using System.Diagnostics;
using System.Text.Json;

namespace ECourt.Contract.Tests;

/// <summary>
/// The Service Bus entities of enforcement in the Bicep: topic bank-requests with duplicate detection (a request sent again after a
/// crash carries the same message id and is dropped), one subscription per bank filtered on bankCode, queue bank-replies, and the
/// app's identity allowed to send on the topic only.
/// </summary>
public class BankRequestInfraTests
{
    private const string DataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"; // Azure Service Bus Data Sender

    private static JsonElement Template()
    {
        var start = new ProcessStartInfo(Repository.BicepPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "build", Repository.Path_("infra", "app.bicep"), "--stdout" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "bicep build did not finish");
        Assert.True(process.ExitCode == 0, stderr.Result);
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Resources(JsonElement template, string type)
    {
        var resources = template.GetProperty("resources");
        // Bicep writes resources as an array, or as an object keyed by symbolic name when the template uses newer features.
        var all = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
        return all.Where(r => r.GetProperty("type").GetString() == type);
    }

    /// <summary>Where the app's identity holds the role the template names by <paramref name="roleVariable"/>.</summary>
    private static IEnumerable<string?> ScopesOf(JsonElement template, string roleVariable) =>
        Resources(template, "Microsoft.Authorization/roleAssignments")
            .Where(r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!
                .Contains($"'{roleVariable}'", StringComparison.Ordinal))
            .Select(r => r.TryGetProperty("scope", out var scope) ? scope.GetString() : null);

    [Fact]
    public void TopicBankRequests_DetectsDuplicates_HasASubscriptionPerBank_FilteredOnBankCode()
    {
        var template = Template();
        var topic = Assert.Single(Resources(template, "Microsoft.ServiceBus/namespaces/topics"));
        Assert.Contains("bank-requests", topic.GetProperty("name").GetString(), StringComparison.Ordinal);
        var properties = topic.GetProperty("properties");
        Assert.True(properties.GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.Equal("P7D", properties.GetProperty("duplicateDetectionHistoryTimeWindow").GetString());

        var bankCodes = template.GetProperty("parameters").GetProperty("bankCodes");
        Assert.Equal(["ICBC", "CCB", "ABC", "BOC"], bankCodes.GetProperty("defaultValue").EnumerateArray().Select(c => c.GetString()));
        var subscriptions = Assert.Single(Resources(template, "Microsoft.ServiceBus/namespaces/topics/subscriptions"));
        Assert.Equal("[length(parameters('bankCodes'))]", subscriptions.GetProperty("copy").GetProperty("count").GetString());
        Assert.Contains("parameters('bankCodes')[copyIndex()]", subscriptions.GetProperty("name").GetString(), StringComparison.Ordinal);
        var rule = Assert.Single(Resources(template, "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules"));
        Assert.Equal("[length(parameters('bankCodes'))]", rule.GetProperty("copy").GetProperty("count").GetString());
        // Named $Default, the rule replaces the catch-all filter a new subscription starts with.
        Assert.Contains("$Default", rule.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("SqlFilter", rule.GetProperty("properties").GetProperty("filterType").GetString());
        Assert.Equal("[format('bankCode = ''{0}''', parameters('bankCodes')[copyIndex()])]",
            rule.GetProperty("properties").GetProperty("sqlFilter").GetProperty("sqlExpression").GetString());
    }

    [Fact]
    public void QueueBankReplies_IsReceived_AndTheTopicIsSentTo_WithTheAppsIdentity()
    {
        var template = Template();
        var queues = Assert.Single(Resources(template, "Microsoft.ServiceBus/namespaces/queues"));
        Assert.Contains("'bank-replies'", queues.GetProperty("name").GetString(), StringComparison.Ordinal);
        // The app receives every bank queue with the namespace's receiver role, and sends on the topic only, never on the queues.
        Assert.Equal(DataSender, template.GetProperty("variables").GetProperty("serviceBusDataSender").GetString());
        Assert.Equal(["[resourceId('Microsoft.ServiceBus/namespaces', parameters('serviceBusNamespaceName'))]"],
            ScopesOf(template, "serviceBusDataReceiver"));
        Assert.Equal(["[resourceId('Microsoft.ServiceBus/namespaces/topics', parameters('serviceBusNamespaceName'), 'bank-requests')]"],
            ScopesOf(template, "serviceBusDataSender"));
    }
}
