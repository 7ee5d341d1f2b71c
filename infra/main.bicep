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

@description('Upper bound on Function App instances. The registries\' session caps hold whatever this number: all instances share each registry\'s sessions through leased slots (README, "Deploy to Azure").')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@minLength(3)
@description('The registrar\'s mailbox that reads customers\' replies to notices: the sender is a DoNotReply address, and notices ask for a written answer (UA-2.3.1, KZ-App-4). No default: the app refuses a domain RFC 2606 reserves.')
param replyToAddress string

@minLength(1)
@description('Control-panel page the registered-domain mail links to, where the customer sets a first password (UA-2.1.2). No default: a placeholder would send every customer a dead link; outside Development the app refuses a name RFC 2606 reserves.')
param panelWelcomeUrl string

@minLength(1)
@description('Page a request confirmation mail links to (KZ-5.3, UA-4.7): the control panel\'s, or the app\'s own GET /api/requests/confirmation. No default, as for panelWelcomeUrl.')
param requestConfirmationUrl string

@description('''The registries the app logs in to and the zones each serves. Passwords and client
certificates are not parameters: operations put them in Key Vault as epp-<id>-password and
epp-<id>-certificate.''')
param registries registryEndpoint[]

@description('Part of the Key Vault\'s name. Purge protection keeps a deleted vault\'s name taken for 90 days, so after `azd down` raise it (azd env set AZURE_KEY_VAULT_GENERATION 2) before the next `azd up`.')
@minLength(1)
@maxLength(2)
param keyVaultGeneration string = '1'

@description('Banks that send HMAC-signed notifications; each one\'s secret is in Key Vault as bank-<id>-hmac.')
param hmacBanks string[] = []

@description('Acquiring banks that sign with ECDSA: bank id to base64 of the PEM public key (public, not a secret).')
param ecdsaPublicKeys object = {}

@description('Bank id to the IANA time zone its booking times are written in.')
param bankTimeZones object = {}

@description('Callers of the HTTP API: name, role (Storefront or Operations) and the SHA-256 (hex) of the API key they send.')
param apiClients apiClient[] = []

type apiClient = {
  name: string
  role: 'Storefront' | 'Operations'
  @minLength(64)
  @maxLength(64)
  keySha256: string
}

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
  @description('The registrar\'s own technical contact handle at this registry (UA-1.14).')
  technicalContact: string
  @description('The registrar that sponsors this registry\'s domains, as RDAP and WHOIS name it (the .kz and .ua offers are two companies\').')
  @minLength(1)
  registrarName: string
  @description('The registry\'s cap on concurrent sessions for this registrar.')
  @minValue(1)
  @maxValue(64)
  maxSessions: int
  @description('Zones this registry serves, in Unicode form without a dot (kz, қаз, ua, com.ua, ...).')
  zones: string[]
  @description('Whether the registry authenticates the registrar by a TLS client certificate, kept in Key Vault as epp-<id>-certificate (default true). A registry that takes the password alone needs no certificate secret, and the app refuses to start on a Key Vault reference it cannot resolve.')
  clientCertificate: bool?
}

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'app-package'
// The names src/Registrar.Functions/FunctionQueues.cs gives its queue triggers.
var triggerQueueNames = ['registry-commands', 'lifecycle-events']

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
    settingsContainerName: 'settings'
    queueNames: triggerQueueNames
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
    name: 'kv-${keyVaultGeneration}-${take(token, 18)}'
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
  Storage__BlobServiceUri: storage.outputs.blobEndpoint
  // Blobs of the settings container: the app has no file of its own to read them from (README, Provision and deploy).
  Tariffs__PriceListBlob: 'tariffs.json'
  Calendars__CorrectionsBlobPrefix: 'calendars/'
  Mail__Acs__Endpoint: communication.outputs.endpoint
  Mail__Acs__SenderAddress: communication.outputs.senderAddress
  Mail__Acs__ReplyToAddress: replyToAddress
  Notices__SetPasswordUrl: panelWelcomeUrl
  Notices__RequestConfirmationUrl: requestConfirmationUrl
  Notices__SetPasswordSigningKey: '${keyVaultReference}notices-set-password-signing-key)'
  Notices__RequestConfirmationSigningKey: '${keyVaultReference}notices-request-confirmation-signing-key)'
  TransferCodes__SigningKey: '${keyVaultReference}transfer-codes-signing-key)'
  // The operations page's sessions hold across instances and restarts only with one key for all of them.
  OperationsPage__SessionSigningKey: '${keyVaultReference}operations-page-session-signing-key)'
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName='

var registrySettings = reduce(registries, {}, (settings, r) => union(settings, {
  'Epp__Registries__${r.id}__Host': r.host
  'Epp__Registries__${r.id}__Port': string(r.port)
  'Epp__Registries__${r.id}__ClientId': r.clientId
  'Epp__Registries__${r.id}__MaxSessions': string(r.maxSessions)
  'Epp__Registries__${r.id}__Profile__Name': r.profile
  'Epp__Registries__${r.id}__Password': '${keyVaultReference}epp-${r.id}-password)'
  'Registry__RegistrarTechnicalContacts__${r.id}': r.technicalContact
  'Whois__RegistrarNames__${r.id}': r.registrarName
}, (r.?clientCertificate ?? true) ? {
  // A Key Vault certificate's secret of the same name is its PFX, base64.
  'Epp__Registries__${r.id}__ClientCertificatePfxBase64': '${keyVaultReference}epp-${r.id}-certificate)'
} : {}))

var bankSettings = union(
  toObject(hmacBanks, bank => 'Banks__${bank}__HmacSecret', bank => '${keyVaultReference}bank-${bank}-hmac)'),
  toObject(items(ecdsaPublicKeys), k => 'Banks__${k.key}__EcdsaPublicKey', k => string(k.value)),
  toObject(items(bankTimeZones), z => 'Banks__${z.key}__TimeZone', z => string(z.value)))

var apiClientSettings = reduce(range(0, length(apiClients)), {}, (settings, i) => union(settings, {
  'Api__Clients__${i}__Name': apiClients[i].name
  'Api__Clients__${i}__Role': apiClients[i].role
  'Api__Clients__${i}__KeySha256': apiClients[i].keySha256
}))

module network 'modules/network.bicep' = {
  scope: group
  params: {
    name: token
    location: location
    tags: tags
  }
}

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
    subnetId: network.outputs.appSubnetId
    appSettings: union(platformSettings, registrarSettings, registrySettings, bankSettings, apiClientSettings)
  }
}

output AZURE_FUNCTION_APP_NAME string = app.outputs.name
@description('The address the registries are to let in: every EPP session leaves from it.')
output AZURE_EGRESS_IP string = network.outputs.egressIpAddress
output AZURE_SETTINGS_CONTAINER_URL string = '${storage.outputs.blobEndpoint}${storage.outputs.settingsContainerName}'
output AZURE_FUNCTION_APP_URL string = app.outputs.url
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_RESOURCE_GROUP string = group.name
output SERVED_ZONES string[] = flatten(map(registries, r => r.zones))
