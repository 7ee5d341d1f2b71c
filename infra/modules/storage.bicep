// The storage account behind everything: the Functions host and Durable task hub (blobs, queues,
// tables), the deployment package container, and the registrar's own tables and queues. Shared
// keys are disabled; the app's identity gets data-plane roles instead.
param name string
param location string
param tags object
param principalId string
param deploymentContainerName string
@description('The container operations publish the price list and calendar corrections to (PublishedSettings).')
param settingsContainerName string
@description('The queues the Function App\'s queue triggers read.')
param queueNames string[]

var roles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner (host leases, task hub, deployment package)
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor (queue triggers, task hub queues)
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor (registrar stores, task hub history)
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobs
  name: deploymentContainerName
}

// Read by the app's identity at start (Storage Blob Data Owner covers it): the app's own files are its read-only package.
resource settingsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobs
  name: settingsContainerName
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource triggerQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [for queueName in queueNames: {
  parent: queues
  name: queueName
}]

resource dataRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in roles: {
  name: guid(account.id, principalId, roleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
output settingsContainerName string = settingsContainer.name
output queues string[] = [for (queueName, i) in queueNames: triggerQueues[i].name]
