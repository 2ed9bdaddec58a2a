// ECourt: the Functions app on Flex Consumption with its storage, deployed by `azd up`.
// Minimal for now: Service Bus, Communication Services, Event Grid and monitoring come with their issues.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags derive from it.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Object id of the deploying user, granted data access to storage for local debugging against Azure.')
param principalId string = ''

@description('The court this deployment serves by default (its case-number code).')
param defaultCourt string = '黑01'

@description('Client id of the API\'s Microsoft Entra app registration: the portal and the mobile app ask for tokens for it (api://<client id>).')
param apiClientId string

@description('The courts this deployment serves, as JSON: { "黑01": { "Name": "…", "SettlementAccountPrefix": "62170001", "Fees": { "EffectiveFrom": "2007-04-01", "Divorce": "200", "Personality": "300", "OtherNonProperty": "80", "IntellectualPropertyNoAmount": "800", "JurisdictionObjection": "80", "EnforcementNoAmount": "200" } } } (README "Deploying").')
param courtsJson string

@description('Endpoint of the Communication Services resource that sends the court\'s SMS and email (https://<name>.communication.azure.com).')
param communicationEndpoint string

@description('The court\'s SMS sender number on that resource (E.164, +86…).')
param smsFrom string

@description('The court\'s email sender address, on a domain linked to that resource.')
param emailSenderAddress string

@secure()
@description('Base64 of at least 32 random bytes: signs the links in SMS and email notices.')
param serviceLinkKey string

@secure()
@description('The key Event Grid puts in the webhook URL (?key=) when it delivers Communication Services reports.')
param serviceWebhookKey string

@description('Base address of the video platform online hearings are held on (its /join takes a participant\'s signed token); outside ECourt.')
param videoBaseAddress string = 'https://video.court.example'

@description('DNS suffix of Azure AI Search endpoints in this cloud: search.windows.net, or search.azure.cn in Azure China.')
param searchEndpointSuffix string = 'search.windows.net'

@description('Origins of the court\'s browser portals allowed to call the API, e.g. ["https://portal.court.example"]; none by default.')
param corsAllowedOrigins array = []

@description('The banks the court sends enforcement requests to (topic bank-requests, one subscription per bank code).')
param bankCodes array = [ 'ICBC', 'CCB', 'ABC', 'BOC' ]

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module app 'app.bicep' = {
  name: 'ecourt-app'
  scope: rg
  params: {
    location: location
    tags: tags
    storageAccountName: '${abbrs.storageStorageAccounts}${resourceToken}'
    planName: '${abbrs.webServerFarms}${resourceToken}'
    functionAppName: '${abbrs.webSitesFunctions}${resourceToken}'
    principalId: principalId
    defaultCourt: defaultCourt
    apiClientId: apiClientId
    keyVaultName: '${abbrs.keyVaultVaults}${resourceToken}'
    serviceBusNamespaceName: '${abbrs.serviceBusNamespaces}${resourceToken}'
    searchServiceName: '${abbrs.searchSearchServices}${resourceToken}'
    searchEndpointSuffix: searchEndpointSuffix
    courtsJson: courtsJson
    communicationEndpoint: communicationEndpoint
    smsFrom: smsFrom
    videoBaseAddress: videoBaseAddress
    emailSenderAddress: emailSenderAddress
    serviceLinkKey: serviceLinkKey
    serviceWebhookKey: serviceWebhookKey
    corsAllowedOrigins: corsAllowedOrigins
    bankCodes: bankCodes
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.functionAppName
output AZURE_STORAGE_ACCOUNT_NAME string = app.outputs.storageAccountName
output AZURE_KEY_VAULT_NAME string = app.outputs.keyVaultName
output AZURE_SERVICE_BUS_NAMESPACE string = app.outputs.serviceBusNamespaceName
output AZURE_SEARCH_SERVICE_NAME string = app.outputs.searchServiceName
output SERVICE_API_ENDPOINT string = app.outputs.defaultHostName
