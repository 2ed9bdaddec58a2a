// The Functions app (Flex Consumption, .NET 10 isolated) and its storage account, with no keys:
// the app reaches blobs, queues and tables with its managed identity.
param location string
param tags object
param storageAccountName string
param planName string
param functionAppName string
param principalId string
param defaultCourt string
@description('Client id of the API\'s app registration; access tokens are validated for it by the app itself.')
param apiClientId string
@description('Name of the Key Vault that holds the court\'s service-certificate signing key.')
param keyVaultName string
@description('Name of the Service Bus namespace of the bank queues.')
param serviceBusNamespaceName string
@description('Name of the Azure AI Search service of the public judgment search.')
param searchServiceName string
@description('Pricing tier of that service (basic: 15 indexes, 2 GB; standard for more).')
param searchSku string = 'basic'
@description('DNS suffix of Azure AI Search endpoints in this cloud (search.azure.cn in Azure China).')
param searchEndpointSuffix string = 'search.windows.net'
@description('The courts served, as JSON: { "<code>": { "Name": …, "SettlementAccountPrefix": …, "Fees": { "EffectiveFrom": …, … } } }.')
param courtsJson string
@description('Endpoint of the Communication Services resource that sends SMS and email (https://<name>.communication.azure.com).')
param communicationEndpoint string
@description('The court\'s SMS sender number on that resource (E.164, +86…).')
param smsFrom string
@description('Base address of the video platform online hearings are held on.')
param videoBaseAddress string
@description('The court\'s email sender address on a domain linked to that resource.')
param emailSenderAddress string
@secure()
param serviceLinkKey string
@secure()
param serviceWebhookKey string
@description('Origins of the court\'s browser portals allowed to call the API (https://host[:port]); none by default.')
param corsAllowedOrigins array = []
@description('The banks the court sends enforcement requests to: one subscription of topic bank-requests each, named by and filtered on its code.')
param bankCodes array = [ 'ICBC', 'CCB', 'ABC', 'BOC' ]

@description('Instances kept warm: the Service Bus listeners run inside the worker and need one always running.')
param alwaysReadyInstances int = 1

var deploymentContainer = 'app-package'

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultCryptoUser = '12338af0-0e69-4776-bea7-57ae8d297424'
var serviceBusDataReceiver = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
var serviceBusDataSender = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var searchIndexDataContributor = '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
var searchServiceContributor = '7ca78c08-252a-4471-8644-bb5ff32d4ba0'

// The courts as app settings, checked by the app at start. App setting names are ASCII, so each court is numbered
// (ECourt__Courts__<n>__Code=<its code>, then its settings, fees one level down).
var courts = json(courtsJson)
var courtSettings = flatten(map(items(courts), (court, i) => concat(
  [ { name: 'ECourt__Courts__${i}__Code', value: court.key } ],
  map(filter(items(court.value), s => s.key != 'Fees'), s => { name: 'ECourt__Courts__${i}__${s.key}', value: string(s.value) }),
  map(items(court.value.Fees), f => { name: 'ECourt__Courts__${i}__Fees__${f.key}', value: string(f.value) })
)))

// The portals' origins, one numbered setting each (ECourt__Cors__AllowedOrigins__<n>).
var corsSettings = map(corsAllowedOrigins, (origin, i) => { name: 'ECourt__Cors__AllowedOrigins__${i}', value: string(origin) })

// The banks an asset inquiry asks, as their subscriptions on bank-requests are named; the first is the court's own bank, which pays out.
var bankSettings = concat(map(bankCodes, (bank, i) => { name: 'ECourt__Enforcement__Banks__${i}', value: string(bank) }),
  [ { name: 'ECourt__Enforcement__CourtBank', value: string(first(bankCodes)) } ])

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Documents are evidence: keep deleted blobs recoverable.
    deleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

// The court's signing key never leaves the vault: the app asks the vault to sign each certificate's hash.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'service-signing'
  properties: {
    kty: 'EC'
    curveName: 'P-256'
    keyOps: [ 'sign', 'verify' ]
  }
}

// Banks put credits and statements on these queues; the app listens with its identity (no keys).
resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: serviceBusNamespaceName
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    minimumTlsVersion: '1.2'
    disableLocalAuth: true
  }
}

// bank-replies carries the banks' answers to the court's requests (enforcement).
resource bankQueues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [for queue in [ 'bank-credits', 'bank-statements', 'bank-replies' ]: {
  parent: serviceBus
  name: queue
  properties: {
    // The app dead-letters a message it cannot read, naming the rule; one that keeps failing after 10 deliveries too.
    maxDeliveryCount: 10
    lockDuration: 'PT1M'
    deadLetteringOnMessageExpiration: true
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P7D'
  }
}]

// The court's requests to banks (asset inquiry, freeze, deduct, payout). The message id is the request's id: a request sent again
// after a crash is dropped by duplicate detection within the window, and a bank takes the same id as the same request.
resource bankRequests 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: serviceBus
  name: 'bank-requests'
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P7D'
  }
}

// Each bank receives its own subscription; a request reaches it by its application property bankCode.
resource bankSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [for bank in bankCodes: {
  parent: bankRequests
  name: bank
  properties: {
    maxDeliveryCount: 10
    lockDuration: 'PT1M'
    deadLetteringOnMessageExpiration: true
  }
}]

// Named $Default, the rule replaces the catch-all filter a new subscription starts with.
resource bankFilters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [for (bank, i) in bankCodes: {
  parent: bankSubscriptions[i]
  name: '$Default'
  properties: {
    filterType: 'SqlFilter'
    sqlFilter: {
      sqlExpression: 'bankCode = \'${bank}\''
    }
  }
}]

// The public search of published judgments, reached with the app's identity only (no admin or query keys). The app creates its
// index at start-up and keeps it up to date from the publication queue.
resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: searchServiceName
  location: location
  tags: tags
  sku: { name: searchSku }
  properties: {
    replicaCount: 1
    partitionCount: 1
    hostingMode: 'default'
    publicNetworkAccess: 'enabled'
    disableLocalAuth: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 100
        instanceMemoryMB: 2048
        alwaysReady: [ { name: 'http', instanceCount: alwaysReadyInstances } ]
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      // The platform's CORS stays empty: with origins it answers preflights itself and replaces the app's headers. The app
      // applies CORS itself from ECourt__Cors__AllowedOrigins (below), in code the local host runs too.
      cors: { allowedOrigins: [] }
      appSettings: concat([
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'ECourt__DefaultCourt', value: defaultCourt }
        // Callers are identified by Microsoft Entra access tokens that the app validates itself (App Service
        // Authentication is not relied on): the tenant, the API's audiences and the accepted issuer.
        { name: 'ECourt__Identity__TenantId', value: tenant().tenantId }
        { name: 'ECourt__Identity__Instance', value: environment().authentication.loginEndpoint }
        { name: 'ECourt__Identity__Audiences__0', value: 'api://${apiClientId}' }
        { name: 'ECourt__Identity__Audiences__1', value: apiClientId }
        { name: 'ECourt__Identity__Issuers__0', value: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0' }
        { name: 'ECourt__RateLimit__AnonymousPerMinute', value: '120' }
        // The key's version is fixed by the deployment, so every instance signs with the same one; rotating is a deploy.
        { name: 'ECourt__Service__SigningKeyVaultKeyUri', value: signingKey.properties.keyUriWithVersion }
        { name: 'ECourt__Service__LinkKey', value: serviceLinkKey }
        { name: 'ECourt__Service__WebhookKey', value: serviceWebhookKey }
        { name: 'ECourt__Service__PortalBaseUrl', value: 'https://${functionAppName}.azurewebsites.net/api' }
        { name: 'ECourt__Service__Sms__Endpoint', value: communicationEndpoint }
        { name: 'ECourt__Service__Sms__From', value: smsFrom }
        { name: 'ECourt__Hearings__VideoBaseAddress', value: videoBaseAddress }
        { name: 'ECourt__Service__Email__Endpoint', value: communicationEndpoint }
        { name: 'ECourt__Service__Email__SenderAddress', value: emailSenderAddress }
        { name: 'ECourt__Banking__ServiceBus__FullyQualifiedNamespace', value: split(replace(serviceBus.properties.serviceBusEndpoint, 'https://', ''), ':')[0] }
        { name: 'ECourt__Search__Endpoint', value: 'https://${search.name}.${searchEndpointSuffix}' }
      ], courtSettings, corsSettings, bankSettings)
    }
  }
}

// Durable Functions on Azure Storage uses blobs, queues and tables; the court's data uses blobs and tables.
resource appBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The app may sign with the court's key (not read or export it), and receive from the bank queues.
resource appSigning 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(signingKey.id, functionApp.id, keyVaultCryptoUser)
  scope: signingKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCryptoUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appBankQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus.id, functionApp.id, serviceBusDataReceiver)
  scope: serviceBus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataReceiver)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The app sends requests to banks on their topic only; it receives bank-replies with the namespace's receiver role above.
resource appBankRequests 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bankRequests.id, functionApp.id, serviceBusDataSender)
  scope: bankRequests
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataSender)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The app creates and updates the judgments index (Search Service Contributor) and writes and queries its documents (Search
// Index Data Contributor).
resource appSearchService 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(search.id, functionApp.id, searchServiceContributor)
  scope: search
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', searchServiceContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appSearchData 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(search.id, functionApp.id, searchIndexDataContributor)
  scope: search
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', searchIndexDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource userBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(storage.id, principalId, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: principalId
    principalType: 'User'
  }
}

resource userTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(storage.id, principalId, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: principalId
    principalType: 'User'
  }
}

output functionAppName string = functionApp.name
output storageAccountName string = storage.name
output keyVaultName string = vault.name
output serviceBusNamespaceName string = serviceBus.name
output searchServiceName string = search.name
output defaultHostName string = 'https://${functionApp.properties.defaultHostName}'
