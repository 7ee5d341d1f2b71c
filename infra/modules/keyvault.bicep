// Key Vault (RBAC) for what must never sit in app settings or the repository: EPP client
// certificates, registry passwords and bank webhook secrets. Operations put the values in; the
// app's identity may only read them (App Service Key Vault references resolve them at start).
param name string
param location string
param tags object
param principalId string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultCertificateUser = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in [keyVaultSecretsUser, keyVaultCertificateUser]: {
  name: guid(vault.id, principalId, roleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
