// The registrar backend in Azure: `azd up` provisions this and deploys src/Registrar.Functions.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; part of every resource name.')
param environmentName string

@minLength(1)
@description('Region for everything but Communication Services (which is global).')
param location string

@description('Where Communication Services keeps email data at rest.')
@allowed(['Europe', 'United States', 'UK', 'Switzerland', 'Norway', 'Germany', 'France'])
param emailDataLocation string = 'Europe'

@description('Upper bound on Function App instances. Each instance opens at most its own EPP pool\'s sessions: see README, "Deploy to Azure".')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Control-panel page the registered-domain mail links to, where the customer sets a first password (UA-2.1.2).')
param panelWelcomeUrl string

@description('''The registries the app logs in to and the zones each serves. Passwords and client
certificates are not parameters: operations put them in Key Vault as epp-<id>-password and
epp-<id>-certificate.''')
param registries registryEndpoint[]

@description('Banks that send HMAC-signed JSON notifications; each one\'s secret is in Key Vault as bank-<id>-hmac.')
param hmacBanks string[] = []

type registryEndpoint = {
  @description('Registry id as the zone policies name it: kaznic or hostmaster.')
  id: string
  host: string
  @minValue(1)
  @maxValue(65535)
  port: int
  @description('The registrar\'s login (clID) at this registry.')
  clientId: string
  profile: 'ietf' | 'hostmaster-ua'
  @description('The registry\'s cap on concurrent sessions for this registrar.')
  @minValue(1)
  @maxValue(64)
  maxSessions: int
  @description('Zones this registry serves, in Unicode form without a dot (kz, қаз, ua, com.ua, ...).')
  zones: string[]
}

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'app-package'
var registryCommandQueueName = 'registry-commands'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: {
    name: 'id-${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    deploymentContainerName: deploymentContainerName
    registryCommandQueueName: registryCommandQueueName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  scope: group
  params: {
    name: 'kv-${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module communication 'modules/communication.bicep' = {
  scope: group
  params: {
    emailServiceName: 'ecs-${token}'
    communicationServiceName: 'acs-${token}'
    dataLocation: emailDataLocation
    tags: tags
    principalId: identity.outputs.principalId
  }
}

var platformSettings = {
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  // DefaultAzureCredential picks the user-assigned identity by this.
  AZURE_CLIENT_ID: identity.outputs.clientId
}

var registrarSettings = {
  Storage__TableServiceUri: storage.outputs.tableEndpoint
  Storage__QueueServiceUri: storage.outputs.queueEndpoint
  Functions__RegistryCommandQueue: registryCommandQueueName
  Mail__Acs__Endpoint: communication.outputs.endpoint
  Mail__Acs__SenderAddress: communication.outputs.senderAddress
  Notices__SetPasswordUrl: panelWelcomeUrl
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName='

var registrySettings = reduce(registries, {}, (settings, r) => union(settings, {
  'Epp__Registries__${r.id}__Host': r.host
  'Epp__Registries__${r.id}__Port': string(r.port)
  'Epp__Registries__${r.id}__ClientId': r.clientId
  'Epp__Registries__${r.id}__MaxSessions': string(r.maxSessions)
  'Epp__Registries__${r.id}__Profile__Name': r.profile
  'Epp__Registries__${r.id}__Password': '${keyVaultReference}epp-${r.id}-password)'
}))

var bankSettings = toObject(hmacBanks, bank => 'Payments__Hmac__SecretsByBank__${bank}', bank => '${keyVaultReference}bank-${bank}-hmac)')

module app 'modules/functionapp.bicep' = {
  scope: group
  params: {
    name: 'func-${token}'
    planName: 'plan-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: 2048
    appSettings: union(platformSettings, registrarSettings, registrySettings, bankSettings)
  }
}

output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output AZURE_FUNCTION_APP_URL string = app.outputs.url
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_RESOURCE_GROUP string = group.name
output SERVED_ZONES string[] = flatten(map(registries, r => r.zones))
